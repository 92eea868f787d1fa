import { createServer, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';

/** A Vite dev server for the client, started from the project's vite.config.ts. */
export interface ClientServer {
  url: string;
  server: ViteDevServer;
  close(): Promise<void>;
}

/** Starts the client's Vite dev server on a free port (localhost) and returns its base URL. */
export async function startClientServer(): Promise<ClientServer> {
  const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
  const server = await createServer({
    configFile,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not report a port');
  return { url: `http://127.0.0.1:${address.port}`, server, close: () => server.close() };
}
