import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import type { FileStorage } from '../media/storage';
import { HttpError } from './HttpError';
import { mediaRoutes } from './mediaRoutes';

const YEAR = 365 * 24 * 3600;

/** VRM is glTF binary; the mime table does not know the extension. */
function vrmType(res: Response, path: string): void {
  if (path.toLowerCase().endsWith('.vrm')) res.setHeader('Content-Type', 'model/gltf-binary');
}

function noFile(): never {
  throw new HttpError(404, 'not_found', 'There is no such file.');
}

/**
 * Serves the built client (hashed assets cached for a year, pages never), the default avatars,
 * and stored media: from `mediaDir` for disk storage, or read from `mediaStorage` (a bucket
 * without a public URL).
 */
export function staticRoutes(
  clientDir: string,
  avatarsDir: string,
  mediaDir?: string,
  mediaStorage?: FileStorage,
): Router {
  const router = Router();
  // fallthrough + noFile: a missing or malformed path answers a plain 404, never a filesystem path or a 500.
  // Built-in avatars keep their names across releases (the generator rewrites them), so caches
  // revalidate them by ETag instead of keeping a stale copy for a year.
  router.use(
    '/avatars',
    express.static(avatarsDir, {
      maxAge: 0,
      setHeaders: (res, path) => {
        vrmType(res, path);
        res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
      },
    }),
    noFile,
  );
  if (mediaDir)
    router.use(
      '/media',
      express.static(mediaDir, {
        maxAge: YEAR * 1000,
        immutable: true,
        dotfiles: 'deny',
        setHeaders: vrmType,
      }),
      noFile,
    );
  else if (mediaStorage) router.use(mediaRoutes(mediaStorage));
  const index = join(clientDir, 'index.html');
  if (!existsSync(index)) {
    router.get(['/', '/r/:roomId'], (_req, res) => {
      res
        .type('text/plain')
        .send(
          'Kotodama is running, but the web client is not built yet: run `npm run build:client` (npm start does this).',
        );
    });
    return router;
  }
  router.use(
    '/assets',
    express.static(join(clientDir, 'assets'), { maxAge: YEAR * 1000, immutable: true, fallthrough: false }),
  );
  router.use(express.static(clientDir, { index: false, maxAge: 0 }));
  router.get(['/', '/r/:roomId'], (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
