import { Router, type Request, type Response } from 'express';
import type { TokenSigner } from '../auth';
import type { CharacterServices } from '../characters';
import { currentUser, optionalUser, requireUser } from './requireUser';

/** GET/POST /api/characters, GET/PATCH/DELETE /api/characters/:id. */
export function characterRoutes(s: CharacterServices, signer: TokenSigner): Router {
  const router = Router();
  const viewer = (res: Response) => s.admins.viewerOf(res.locals.user);
  const signedIn = async (res: Response) => (await s.admins.viewerOf(currentUser(res)))!;
  const id = (req: Request) => String(req.params.id);

  router.get('/', optionalUser(signer), async (_req, res) => {
    res.json({ characters: await s.characters.list(await viewer(res)) });
  });
  router.post('/', requireUser(signer), async (req, res) => {
    res.status(201).json(await s.characters.create(await signedIn(res), req.body));
  });
  router.get('/:id', optionalUser(signer), async (req, res) => {
    res.json(await s.characters.get(id(req), await viewer(res)));
  });
  router.patch('/:id', requireUser(signer), async (req, res) => {
    res.json(await s.characters.update(id(req), await signedIn(res), req.body));
  });
  router.delete('/:id', requireUser(signer), async (req, res) => {
    await s.characters.remove(id(req), await signedIn(res));
    res.status(204).end();
  });
  return router;
}
