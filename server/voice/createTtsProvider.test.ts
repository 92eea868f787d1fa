import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKoeiromap } from '../../test-support/fakeKoeiromap';
import { startFakeOpenAiSpeech } from '../../test-support/fakeOpenAiSpeech';
import { type FakeHttp } from '../../test-support/voiceFakeHttp';
import { computeVisemeTrack, createTtsProvider, type VoiceService } from './index';
import { encodeWav } from './wav';

const wav = encodeWav(
  Float32Array.from({ length: 12000 }, (_, i) => 0.3 * Math.sin(i / 6) * Math.sin((Math.PI * i) / 12000)),
  24000,
);
let koeiromap: FakeHttp;
let openai: FakeHttp;
let voice: VoiceService;
const fallbacks: string[] = [];

beforeAll(async () => {
  koeiromap = await startFakeKoeiromap({ wav, apiKey: 'kk' });
  openai = await startFakeOpenAiSpeech({ wav, apiKey: 'ok' });
  voice = createTtsProvider({
    koeiromap: { apiKey: 'kk', baseUrl: koeiromap.origin },
    openai: { apiKey: 'ok', baseURL: `${openai.origin}/v1` },
    onFallback: (requested, used) => fallbacks.push(`${requested}→${used}`),
  });
});
afterAll(async () => {
  await voice.close();
  await koeiromap.close();
  await openai.close();
});

describe('createTtsProvider', () => {
  it('routes each character to the provider it names, offline eSpeak by default', async () => {
    expect(voice.providers).toEqual(['espeak', 'koeiromap', 'openai']);
    const [plain, koe, oai] = await Promise.all([
      voice.synthesize({ text: 'Hello.', language: 'en', voice: {} }),
      voice.synthesize({ text: 'こんにちは', language: 'ja', voice: { provider: 'koeiromap' } }),
      voice.synthesize({ text: 'Hello.', language: 'en', voice: { provider: 'openai' } }),
    ]);
    expect([plain.provider, koe.provider, oai.provider]).toEqual(['espeak', 'koeiromap', 'openai']);
    expect(koeiromap.requests).toHaveLength(1);
    expect(openai.requests).toHaveLength(1);
  });

  it("gives cloud speech eSpeak's phonemes so its lip-sync is text-aligned, and caches repeated lines", async () => {
    const request = {
      text: 'Thank you all for coming.',
      language: 'en' as const,
      voice: { provider: 'openai' as const, voice: 'nova' },
    };
    const speech = await voice.synthesize(request);
    expect(speech.phonemes?.join(' ')).toMatch(/θˈæŋk/);
    expect(computeVisemeTrack({ ...speech, ...request }).some(([, , w]) => w > 0.3)).toBe(true);
    const before = openai.requests.length;
    expect(await voice.synthesize(request)).toBe(speech);
    expect(openai.requests.length).toBe(before);
  });

  it('falls back to the default provider, and says so, when a character names one that is not configured', async () => {
    await voice.synthesize({ text: 'Fallback?', language: 'en', voice: { provider: 'koeiromap' } });
    expect(fallbacks).toEqual([]);
    const onlyCloud = createTtsProvider({
      espeak: false,
      defaultProvider: 'openai',
      openai: { apiKey: 'ok', baseURL: `${openai.origin}/v1` },
      onFallback: (r, u) => fallbacks.push(`${r}→${u}`),
    });
    expect(
      (await onlyCloud.synthesize({ text: 'Hi.', language: 'en', voice: { provider: 'espeak' } })).provider,
    ).toBe('openai');
    expect(fallbacks).toEqual(['espeak→openai']);
    await onlyCloud.close();
  });

  it('refuses to start when the default provider is not configured, naming what is', () => {
    expect(() => createTtsProvider({ espeak: false, defaultProvider: 'koeiromap' })).toThrowError(
      /koeiromap.*not configured/,
    );
  });
});
