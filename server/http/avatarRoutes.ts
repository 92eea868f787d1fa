import { Router, type Request, type Response } from 'express';
import type { TokenSigner } from '../auth';
import type { CharacterServices } from '../characters';
import { readUpload } from './readUpload';
import { currentUser, optionalUser, requireUser } from './requireUser';

/**
 * GET /api/avatars (`?pending=1` for admins), GET /api/avatars/:id, POST /api/avatars
 * (multipart, file in `file`, optional `name`), POST /api/avatars/:id/approve, DELETE /api/avatars/:id.
 */
export function avatarRoutes(s: CharacterServices, signer: TokenSigner): Router {
  const router = Router();
  const viewer = (res: Response) => s.admins.viewerOf(res.locals.user);
  const signedIn = async (res: Response) => (await s.admins.viewerOf(currentUser(res)))!;
  const id = (req: Request) => String(req.params.id);

  router.get('/', optionalUser(signer), async (req, res) => {
    const pending = req.query.pending === '1' || req.query.pending === 'true';
    res.json({ avatars: await s.avatars.list(await viewer(res), pending), maxUploadBytes: s.maxUploadBytes });
  });
  router.get('/:id', optionalUser(signer), async (req, res) => {
    res.json(await s.avatars.get(id(req), await viewer(res)));
  });
  router.post('/', requireUser(signer), async (req, res) => {
    const upload = await readUpload(req, res, { field: 'file', maxBytes: s.maxUploadBytes, what: 'avatar' });
    const me = await signedIn(res);
    const { model, created } = await s.uploads.store(me.userId, upload.bytes, upload.fields.name);
    res.status(created ? 201 : 200).json(s.avatars.view(model, me));
  });
  router.post('/:id/approve', requireUser(signer), async (req, res) => {
    res.json(await s.avatars.approve(id(req), await signedIn(res)));
  });
  router.delete('/:id', requireUser(signer), async (req, res) => {
    await s.avatars.remove(id(req), await signedIn(res));
    res.status(204).end();
  });
  return router;
}
