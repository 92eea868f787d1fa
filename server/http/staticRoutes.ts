import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

const YEAR = 365 * 24 * 3600;

/** Serves the built client (hashed assets cached for a year, pages never) and the default avatars. */
export function staticRoutes(clientDir: string, avatarsDir: string, mediaDir?: string): Router {
  const router = Router();
  router.use('/avatars', express.static(avatarsDir, { maxAge: YEAR * 1000, immutable: true, fallthrough: false }));
  if (mediaDir) router.use('/media', express.static(mediaDir, { maxAge: YEAR * 1000, immutable: true, fallthrough: false, dotfiles: 'deny' }));
  const index = join(clientDir, 'index.html');
  if (!existsSync(index)) {
    router.get(['/', '/r/:roomId'], (_req, res) => {
      res.type('text/plain').send('Kotodama is running, but the web client is not built yet: run `npm run build:client` (npm start does this).');
    });
    return router;
  }
  router.use('/assets', express.static(join(clientDir, 'assets'), { maxAge: YEAR * 1000, immutable: true, fallthrough: false }));
  router.use(express.static(clientDir, { index: false, maxAge: 0 }));
  router.get(['/', '/r/:roomId'], (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
