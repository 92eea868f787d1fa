/**
 * The shared core of the fake voice services: a real HTTP server on 127.0.0.1 (random port)
 * that answers from a script of replies, one per request, and records what it was sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted answer. */
export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Response body; JSON-encoded unless it is a Uint8Array or string. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (the client must time out or abort). */
  hang?: boolean;
}

/** A request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
  /** The client hung up before the answer was written. */
  closedByClient: boolean;
}

/** A running fake. */
export interface FakeHttp {
  origin: string;
  requests: SeenRequest[];
  /** Replies still queued; when empty, `fallback` answers. */
  script: ScriptedReply[];
  close(): Promise<void>;
}

/** Start a fake answering `route` (method + path) with the script, then with `fallback(request)`. */
export async function startFakeHttp(
  route: { method: string; path: string },
  fallback: (req: SeenRequest) => ScriptedReply,
  script: ScriptedReply[] = [],
): Promise<FakeHttp> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const seen: SeenRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      closedByClient: false,
    };
    requests.push(seen);
    res.on('close', () => {
      if (!res.writableFinished) seen.closedByClient = true;
    });
    if (req.method !== route.method || (req.url ?? '').split('?')[0] !== route.path) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    const reply = script.shift() ?? fallback(seen);
    if (reply.hang) return;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    const raw =
      reply.body instanceof Uint8Array || typeof reply.body === 'string'
        ? reply.body
        : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(raw);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    script,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
