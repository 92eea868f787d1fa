/**
 * A fake OpenAI-compatible chat-completions server for tests and benchmarks: a real HTTP server
 * on 127.0.0.1 (random port) that speaks the SSE wire format the `openai` SDK expects, scripted
 * per request (timed chunks, error statuses, hangs) and recording every request it sees.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One content delta, optionally written after its own delay, or only once `after` has settled (a test's event). */
export interface FakeChunk {
  text: string;
  delayMs?: number;
  after?: Promise<unknown>;
}

/** What the fake answers to one request. */
export interface FakeReply {
  /** HTTP status; non-2xx statuses send an OpenAI-style error body. Default 200. */
  status?: number;
  /** Error message for non-2xx replies. */
  errorMessage?: string;
  /** Extra response headers, e.g. `{ 'retry-after-ms': '10' }`. */
  headers?: Record<string, string>;
  /** Content deltas; a string uses `chunkDelayMs`. */
  chunks?: Array<string | FakeChunk>;
  /** Wait before the status line is sent. */
  headersDelayMs?: number;
  /** Wait after the headers before the first chunk (time to first token). */
  firstChunkDelayMs?: number;
  /** Wait between chunks. */
  chunkDelayMs?: number;
  /** Never finish: before the headers, after the headers, or after `hangAfterChunks` chunks. */
  hang?: 'before-headers' | 'after-headers' | 'mid-stream';
  hangAfterChunks?: number;
  /** Close the socket abruptly after this many chunks (a dropped connection). */
  dropAfterChunks?: number;
  finishReason?: string;
}

/** A request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (undefined when not JSON). */
  body:
    | {
        model?: string;
        stream?: boolean;
        messages?: Array<{ role: string; content: string }>;
        [k: string]: unknown;
      }
    | undefined;
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
  /** `performance.now()` at each content chunk written. */
  chunkWrites: number[];
  /** The client went away before the reply finished (an abort or timeout on its side). */
  closedByClient: boolean;
  /** The reply was written to the end. */
  completed: boolean;
}

/** Chooses a reply for a request when the script queue is empty. */
export type FakeReplyFn = (req: RecordedRequest, index: number) => FakeReply;

/** Options for `startFakeOpenAi`. */
export interface FakeOpenAiOptions {
  /** Replies used in order, one per request. */
  replies?: FakeReply[];
  /** Used when the queue is empty; defaults to a short greeting. */
  fallback?: FakeReply | FakeReplyFn;
}

/** A running fake; `baseURL` goes straight into `new OpenAI({ baseURL })`. */
export interface FakeOpenAi {
  readonly baseURL: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Queues replies for the next requests, in order. */
  enqueue(...replies: FakeReply[]): void;
  setFallback(fallback: FakeReply | FakeReplyFn): void;
  /** Forgets queued replies and recorded requests (between tests). */
  reset(): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  /** Stops the server and cuts any open (hanging) connection. */
  close(): Promise<void>;
}

/** Splits text into word-sized chunks the way LLM tokens arrive ("Hello", " there", "."). */
export function chunksOf(text: string): string[] {
  return text.match(/\s*[^\s.,!?。、！？]+|\s*[.,!?。、！？]+/gu) ?? [];
}

const DEFAULT_REPLY: FakeReply = { chunks: chunksOf('[happy] Hello from the fake server.') };

/** Starts a fake on 127.0.0.1 with a random port. */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const queue: FakeReply[] = [...(options.replies ?? [])];
  let fallback: FakeReply | FakeReplyFn = options.fallback ?? DEFAULT_REPLY;
  const requests: RecordedRequest[] = [];
  const waiters: Array<() => void> = [];

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const rec = record(req, raw);
      requests.push(rec);
      waiters.splice(0).forEach((w) => w());
      const reply =
        queue.shift() ?? (typeof fallback === 'function' ? fallback(rec, requests.length - 1) : fallback);
      res.on('close', () => {
        if (!res.writableFinished) rec.closedByClient = true;
      });
      void respond(rec, reply, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    setFallback: (f) => {
      fallback = f;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    waitForRequests: (count, timeoutMs = 5_000) =>
      waitFor(() => requests.length >= count, waiters, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function waitFor(done: () => boolean, waiters: Array<() => void>, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('fake OpenAI: timed out waiting for requests')),
      timeoutMs,
    );
    const check = () => {
      if (done()) {
        clearTimeout(timer);
        resolve();
      } else waiters.push(check);
    };
    check();
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function record(req: IncomingMessage, raw: string): RecordedRequest {
  let body: RecordedRequest['body'];
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    body = undefined;
  }
  return {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    headers: req.headers,
    body,
    receivedAt: performance.now(),
    chunkWrites: [],
    closedByClient: false,
    completed: false,
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function respond(rec: RecordedRequest, reply: FakeReply, res: ServerResponse): Promise<void> {
  if (reply.hang === 'before-headers') return;
  if (reply.headersDelayMs) await sleep(reply.headersDelayMs);
  if (res.destroyed) return;
  const status = reply.status ?? 200;
  if (rec.path.endsWith('/models') && rec.method === 'GET')
    return sendJson(rec, res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
  if (status < 200 || status >= 300) {
    return sendJson(
      rec,
      res,
      status,
      { error: { message: reply.errorMessage ?? `fake error ${status}`, type: 'fake_error', code: null } },
      reply.headers,
    );
  }
  if (rec.body?.stream !== true) return sendCompletion(rec, reply, res);
  res.writeHead(status, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...reply.headers,
  });
  res.flushHeaders();
  await streamChunks(rec, reply, res);
}

async function streamChunks(rec: RecordedRequest, reply: FakeReply, res: ServerResponse): Promise<void> {
  if (reply.hang === 'after-headers') return;
  const model = rec.body?.model ?? 'fake-model';
  const chunks = (reply.chunks ?? []).map((c) => (typeof c === 'string' ? { text: c } : c));
  for (let i = 0; i < chunks.length; i++) {
    if (reply.hang === 'mid-stream' && i === (reply.hangAfterChunks ?? 1)) return;
    if (reply.dropAfterChunks === i) {
      await dropConnection(res);
      return;
    }
    const delay = chunks[i].delayMs ?? (i === 0 ? reply.firstChunkDelayMs : reply.chunkDelayMs) ?? 0;
    if (delay > 0) await sleep(delay);
    await chunks[i].after?.catch(() => undefined);
    if (res.destroyed) return;
    res.write(sse(chunk(model, { content: chunks[i].text }, null)));
    rec.chunkWrites.push(performance.now());
  }
  if (reply.hang === 'mid-stream') return;
  res.write(sse(chunk(model, {}, reply.finishReason ?? 'stop')));
  res.end('data: [DONE]\n\n');
  rec.completed = true;
}

/** Cuts the socket once what was written has left, like a proxy dropping the connection. */
async function dropConnection(res: ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => res.write(': bye\n\n', () => resolve()));
  res.destroy();
}

function chunk(model: string, delta: object, finish: string | null): object {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1700000000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

function sse(data: object): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function sendJson(
  rec: RecordedRequest,
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  rec.completed = true;
}

function sendCompletion(rec: RecordedRequest, reply: FakeReply, res: ServerResponse): void {
  const content = (reply.chunks ?? []).map((c) => (typeof c === 'string' ? c : c.text)).join('');
  sendJson(rec, res, 200, {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1700000000,
    model: rec.body?.model ?? 'fake-model',
    choices: [
      { index: 0, message: { role: 'assistant', content }, finish_reason: reply.finishReason ?? 'stop' },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}
