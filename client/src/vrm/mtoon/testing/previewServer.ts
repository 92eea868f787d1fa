import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { FIXTURES_DIR, PROJECT_ROOT } from './mtoonScene';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.vrm': 'model/gltf-binary',
  '.glb': 'model/gltf-binary',
};

/** The MToon test page, built and served with the fixtures (/fixtures/…) and our avatars (/avatars/…). */
export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** Builds client/mtoon.html into a private folder (the client build in dist/client is left alone). */
export async function buildPreview(): Promise<string> {
  const outDir = resolve(PROJECT_ROOT, `dist/mtoon-test-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: resolve(PROJECT_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: { input: resolve(PROJECT_ROOT, 'client/mtoon.html') },
    },
  });
  return outDir;
}

/** Serves a built preview folder on a free port of 127.0.0.1; `close` also removes the folder. */
export async function servePreview(outDir: string): Promise<PreviewServer> {
  const roots: [prefix: string, dir: string][] = [
    ['/fixtures/', FIXTURES_DIR],
    ['/avatars/', resolve(PROJECT_ROOT, 'assets/avatars')],
    ['/', outDir],
  ];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, dir] = roots.find(([p]) => path.startsWith(p))!;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The preview server reported no port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
