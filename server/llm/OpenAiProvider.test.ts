import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chunksOf, type FakeOpenAi, startFakeOpenAi } from '../../test-support/fakeOpenAi';
import { isLlmError, type LlmError } from './LlmError';
import { OpenAiProvider, type OpenAiProviderOptions } from './OpenAiProvider';
import type { LlmRequest } from './types';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

const noSleep = async () => {};

function provider(over: Partial<OpenAiProviderOptions> = {}): OpenAiProvider {
  return new OpenAiProvider({
    kind: 'openai-compatible',
    model: 'test-model',
    baseURL: fake.baseURL,
    timeouts: { firstTokenMs: 2_000, idleMs: 2_000 },
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 },
    sleep: noSleep,
    ...over,
  });
}

function request(over: Partial<LlmRequest> = {}): LlmRequest {
  return {
    messages: [
      { role: 'system', content: 'be nice' },
      { role: 'user', content: 'hi' },
    ],
    signal: new AbortController().signal,
    ...over,
  };
}

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const d of stream) out.push(d);
  return out;
}

async function failure(stream: AsyncIterable<string>): Promise<LlmError> {
  try {
    await collect(stream);
  } catch (err) {
    if (isLlmError(err)) return err;
    throw err;
  }
  throw new Error('expected the stream to fail');
}

describe('OpenAiProvider through the real openai SDK', () => {
  it('streams the deltas in order and sends model, messages and limits', async () => {
    fake.enqueue({ chunks: chunksOf('[happy] Hi there! How are you?'), chunkDelayMs: 2 });
    const deltas = await collect(provider({ maxTokens: 99 }).stream(request({ temperature: 0.3 })));
    expect(deltas.join('')).toBe('[happy] Hi there! How are you?');
    expect(deltas.length).toBeGreaterThan(3);
    const body = fake.requests[0].body;
    expect(body).toMatchObject({ model: 'test-model', stream: true, max_tokens: 99, temperature: 0.3 });
    expect(body?.messages?.[1]).toEqual({ role: 'user', content: 'hi' });
  });

  it('stops mid-stream on abort, closes the connection and reports code "aborted"', async () => {
    fake.enqueue({ chunks: chunksOf('one two three four five six seven eight nine ten'), chunkDelayMs: 30 });
    const controller = new AbortController();
    const got: string[] = [];
    const err = await failure(
      (async function* () {
        for await (const d of provider().stream(request({ signal: controller.signal }))) {
          got.push(d);
          if (got.length === 2) controller.abort();
          yield d;
        }
      })(),
    );
    expect(err.code).toBe('aborted');
    expect(got.length).toBe(2);
    await expect.poll(() => fake.requests[0].closedByClient).toBe(true);
  });

  it('retries a 429 before the first token, then streams the answer', async () => {
    fake.enqueue(
      { status: 429, errorMessage: 'slow down', headers: { 'retry-after-ms': '1' } },
      { chunks: ['Back', ' again.'] },
    );
    expect((await collect(provider().stream(request()))).join('')).toBe('Back again.');
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up on repeated 5xx with a "server" error that says what to do', async () => {
    fake.enqueue({ status: 500 }, { status: 502 }, { status: 503 });
    const err = await failure(provider().stream(request()));
    expect(err.code).toBe('server');
    expect(err.status).toBe(503);
    expect(err.message).toMatch(/try again|check/i);
    expect(err.message).toMatch(/3 attempts/);
    expect(fake.requests).toHaveLength(3);
  });

  it('never replays a reply after text was emitted', async () => {
    fake.enqueue(
      { chunks: ['Hello', ' there', ' friend'], dropAfterChunks: 2 },
      { chunks: ['SHOULD NOT APPEAR'] },
    );
    const got: string[] = [];
    await expect(async () => {
      for await (const d of provider().stream(request())) got.push(d);
    }).rejects.toThrow();
    expect(got.join('')).toBe('Hello there');
    expect(fake.requests).toHaveLength(1);
  });

  it('does not retry a rejected key and names the setting to check', async () => {
    fake.enqueue({ status: 401, errorMessage: 'bad key' });
    const err = await failure(provider().stream(request()));
    expect(err.code).toBe('auth');
    expect(err.message).toMatch(/API key/);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out when no first token arrives', async () => {
    fake.enqueue({ hang: 'after-headers' });
    // Only the first-token timer can end this within the test: the idle one is 10 minutes.
    const err = await failure(
      provider({
        timeouts: { firstTokenMs: 150, idleMs: 10 * 60_000 },
        retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
      }).stream(request()),
    );
    expect(err.code).toBe('first_token_timeout');
    expect(err.message).toMatch(/raise the first-token timeout/);
  });

  it('times out when the stream stalls mid-reply, keeping what came before', async () => {
    fake.enqueue({ chunks: ['Hello', ' world', ' again'], hang: 'mid-stream', hangAfterChunks: 2 });
    const got: string[] = [];
    const p = provider({ timeouts: { firstTokenMs: 1_000, idleMs: 150 } });
    const err = await failure(
      (async function* () {
        for await (const d of p.stream(request())) {
          got.push(d);
          yield d;
        }
      })(),
    );
    expect(err.code).toBe('idle_timeout');
    expect(got.join('')).toBe('Hello world');
  });

  it('says the server is unreachable when nothing listens there', async () => {
    const p = provider({
      baseURL: 'http://127.0.0.1:9/v1',
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const err = await failure(p.stream(request()));
    expect(err.code).toBe('connection');
    expect(err.message).toMatch(/is it running/);
  });

  it('labels itself with model and server, and is not offline', () => {
    const p = provider();
    expect(p.offline).toBe(false);
    expect(p.name).toBe(`openai-compatible:test-model@${fake.baseURL}`);
    expect(
      () =>
        new OpenAiProvider({
          kind: 'openai',
          model: 'm',
          timeouts: { firstTokenMs: 1, idleMs: 1 },
          retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
        }),
    ).toThrow(/OPENAI_API_KEY/);
  });
});
