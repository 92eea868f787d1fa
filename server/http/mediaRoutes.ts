import { Router } from 'express';
import { IMMUTABLE_CACHE_CONTROL, type FileStorage } from '../media/storage';
import { HttpError } from './HttpError';

/**
 * GET /media/<key> for storage this server cannot hand to express.static (a bucket without a
 * public URL): reads the file from storage and serves it with immutable cache headers, since
 * keys are content hashes or ids.
 */
export function mediaRoutes(storage: FileStorage): Router {
  const router = Router();
  router.get('/media/*key', async (req, res) => {
    const key = ([] as string[]).concat(req.params.key as string | string[]).join('/');
    const file = await storage.get(key);
    if (!file) throw new HttpError(404, 'not_found', 'There is no such file.');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Cache-Control', IMMUTABLE_CACHE_CONTROL);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // The key names the content (a hash or an id), so it is the ETag: express would hash the whole body.
    res.setHeader('ETag', `"${key}"`);
    res.send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
  return router;
}
