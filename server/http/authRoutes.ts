import { Router } from 'express';
import type { AuthService } from '../auth';

/** POST /api/auth/guest {name} and POST /api/auth/refresh {refreshToken}. */
export function authRoutes(auth: AuthService): Router {
  const router = Router();
  router.post('/guest', async (req, res) => {
    res.status(201).json(await auth.signInGuest(req.body?.name));
  });
  router.post('/refresh', async (req, res) => {
    res.json(await auth.refresh(req.body?.refreshToken));
  });
  return router;
}
