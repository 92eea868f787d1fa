import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiModeration } from '../../test-support/fakeOpenAiModeration';
import type { FakeHttp } from '../../test-support/voiceFakeHttp';
import { LocalModerator } from './localRules';
import type { Moderator } from './Moderator';
import { OpenAiModerator } from './OpenAiModerator';

let fake: FakeHttp;
const fallbacks: unknown[] = [];
beforeAll(async () => {
  fake = await startFakeOpenAiModeration({ flagWords: ['idiot'], apiKey: 'sk-test' });
});
afterAll(async () => fake.close());

const openAi = (timeoutMs = 2_000) =>
  new OpenAiModerator({
    apiKey: 'sk-test',
    baseURL: `${fake.origin}/v1`,
    blocklist: ['spoiler'],
    timeoutMs,
    onFallback: (e) => fallbacks.push(e),
  });

/** What every moderator must do, whichever rules it uses. */
describe.each<[string, () => Moderator]>([
  ['local rules', () => new LocalModerator(['spoiler'])],
  ['OpenAI endpoint (fake)', () => openAi()],
])('%s', (_name, make) => {
  it('passes ordinary lines and flags the built-in rules and the blocklist', async () => {
    const m = make();
    expect(await m.screen('What a lovely day for a picnic!')).toEqual({ flagged: false });
    expect(await m.screen('go kill yourself')).toMatchObject({
      flagged: true,
      categories: expect.arrayContaining(['self-harm']),
    });
    expect(await m.screen('no spoiler please')).toMatchObject({
      flagged: true,
      categories: expect.arrayContaining(['blocklist']),
    });
  });

  it('answers the local rules synchronously for streamed text', () => {
    const m = make();
    expect([
      m.flagsNow('What a lovely day'),
      m.flagsNow('go kill yourself'),
      m.flagsNow('a spoiler'),
    ]).toEqual([false, true, true]);
  });
});

describe('OpenAI moderator', () => {
  it('adds what the endpoint flags, sending the model and key', async () => {
    const before = fake.requests.length;
    expect(await openAi().screen('you are an idiot')).toEqual({ flagged: true, categories: ['harassment'] });
    const seen = fake.requests[before]!;
    expect(seen.body).toMatchObject({ model: 'omni-moderation-latest', input: 'you are an idiot' });
    expect(seen.headers.authorization).toBe('Bearer sk-test');
  });

  it('falls back to the local rules when the endpoint fails or hangs, and says so', async () => {
    fallbacks.length = 0;
    fake.script.push(
      { status: 500, body: { error: { message: 'boom' } } },
      { status: 500, body: { error: { message: 'boom' } } },
    );
    expect(await openAi().screen('you are an idiot')).toEqual({ flagged: false }); // only the endpoint knew that one
    fake.script.push({ hang: true }, { hang: true });
    expect(await openAi(200).screen('go kill yourself')).toMatchObject({
      flagged: true,
      categories: ['self-harm'],
    });
    expect(fallbacks).toHaveLength(2);
  });
});
