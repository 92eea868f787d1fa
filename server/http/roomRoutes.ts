import { Router } from 'express';
import { z } from 'zod';
import { ROOM_MODES } from '@shared';
import type { TokenSigner } from '../auth';
import type { RoomService } from '../rooms';
import { HttpError } from './HttpError';
import { currentUser, optionalUser, requireUser } from './requireUser';

const CreateRoom = z.strictObject({
  characterId: z.string().min(1).max(64).optional(),
  mode: z.enum(ROOM_MODES).optional(),
});

/** POST /api/rooms, GET /api/rooms, GET /api/rooms/:roomId. */
export function roomRoutes(rooms: RoomService, signer: TokenSigner): Router {
  const router = Router();
  router.post('/', requireUser(signer), async (req, res) => {
    const body = CreateRoom.safeParse(req.body ?? {});
    if (!body.success)
      throw new HttpError(400, 'invalid_request', `Invalid room settings: ${body.error.issues[0]?.message}.`);
    res.status(201).json(await rooms.create(currentUser(res).userId, body.data));
  });
  router.get('/', async (_req, res) => {
    res.json({ rooms: await rooms.listPublic() });
  });
  router.get('/:roomId', optionalUser(signer), async (req, res) => {
    const roomId = String(req.params.roomId);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(roomId))
      throw new HttpError(404, 'room_not_found', 'This room does not exist.');
    res.json(await rooms.open(roomId, res.locals.user?.userId ?? null));
  });
  return router;
}
