import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import httpProxy from 'http-proxy';
import type { Redis } from 'ioredis';
import type { Logger } from '../observability';
import { NodeTable } from './NodeTable';
import { proxyRouteOf } from './proxyRoutes';

/** A running proxy. */
export interface RunningProxy {
  port: number;
  nodes: NodeTable;
  stop(): Promise<void>;
}

/** Options of `startProxy`. */
export interface ProxyOptions {
  redis: Redis;
  port: number;
  host: string;
  log: Logger;
  refreshMs?: number;
}

/**
 * The reverse proxy in front of the server processes (http-proxy, routing on the presence data
 * Colyseus keeps in Redis): a room's WebSocket goes to the process named in its path, its
 * matchmaking call, page and API to the process holding it, everything else to any live process.
 */
export async function startProxy(o: ProxyOptions): Promise<RunningProxy> {
  const nodes = new NodeTable({
    redis: o.redis,
    refreshMs: o.refreshMs,
    onChange: (alive) =>
      o.log.info(
        { alive },
        alive.length
          ? `Proxy: ${alive.length} server process(es) live.`
          : 'Proxy: no server process is live.',
      ),
  });
  await nodes.start();
  const proxy = httpProxy.createProxyServer({ xfwd: true });
  proxy.on('error', (err, _req, res, target) => {
    o.log.warn({ err: err.message }, 'Proxy: a server process did not answer.');
    if (target && typeof target === 'object' && target.hostname)
      nodes.markDown(`${target.hostname}:${target.port}`);
    if (res && 'writeHead' in res && !res.headersSent)
      unavailable(res, 'The server process holding this did not answer; try again.');
    else (res as Duplex | undefined)?.destroy();
  });
  const server: Server = createServer((req, res) => {
    void targetOf(nodes, req, false).then((target) => {
      if (!target) return unavailable(res, 'No server process is running yet; try again in a moment.');
      proxy.web(req, res, { target: `http://${target}` });
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void targetOf(nodes, req, true).then((target) => {
      if (!target) return void socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      proxy.ws(req, socket, head, { target: `http://${target}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(o.port, o.host, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    nodes,
    stop: async () => {
      nodes.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      proxy.close();
    },
  };
}

async function targetOf(
  nodes: NodeTable,
  req: IncomingMessage,
  upgrade: boolean,
): Promise<string | undefined> {
  const route = proxyRouteOf(req.url ?? '/', upgrade);
  if (route.kind === 'process') return nodes.addressOf(route.processId);
  if (route.kind === 'room') return (await nodes.roomAddress(route.roomId)) ?? nodes.anyAddress();
  return nodes.anyAddress();
}

function unavailable(res: ServerResponse, message: string): void {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(JSON.stringify({ error: { code: 'no_server', message } }));
}
