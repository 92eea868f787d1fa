import { afterEach, describe, expect, it } from 'vitest';
import { openAiError, startFakeOpenAiSpeech } from '../../../test-support/fakeOpenAiSpeech';
import { type FakeHttp } from '../../../test-support/voiceFakeHttp';
import { isVoiceError } from '../voiceError';
import { encodeWav } from '../wav';
import { OpenAiTtsProvider } from './OpenAiTtsProvider';

const rate = 24000;
const wav = encodeWav(
  Float32Array.from({ length: rate }, (_, i) => 0.2 * Math.sin(i / 7)),
  rate,
);
const request = { text: 'Hello there.', language: 'en' as const, voice: { voice: 'nova', speed: 1.25 } };
let fake: FakeHttp | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('OpenAI speech provider', () => {
  it('calls audio.speech with WAV output through the real SDK and decodes streamed WAV', async () => {
    fake = await startFakeOpenAiSpeech({ wav, apiKey: 'sk-test', streamingSizes: true });
    const provider = new OpenAiTtsProvider({
      apiKey: 'sk-test',
      baseURL: `${fake.origin}/v1`,
      model: 'tts-1',
    });
    const speech = await provider.synthesize(request);
    expect(fake.requests[0].body).toMatchObject({
      model: 'tts-1',
      voice: 'nova',
      input: 'Hello there.',
      response_format: 'wav',
      speed: 1.25,
    });
    expect(fake.requests[0].headers.authorization).toBe('Bearer sk-test');
    expect(speech).toMatchObject({ provider: 'openai', format: 'wav', sampleRate: rate });
    expect(speech.durationMs).toBeCloseTo(1000, 0);
  });

  it('uses the configured default voice when the character names none', async () => {
    fake = await startFakeOpenAiSpeech({ wav });
    await new OpenAiTtsProvider({ apiKey: 'k', baseURL: `${fake.origin}/v1`, voice: 'coral' }).synthesize({
      ...request,
      voice: {},
    });
    expect(fake.requests[0].body.voice).toBe('coral');
  });

  it('retries server errors and reports a rejected key as unauthorized', async () => {
    fake = await startFakeOpenAiSpeech({
      wav,
      script: [openAiError(500, 'boom', { 'retry-after-ms': '1' })],
    });
    const ok = await new OpenAiTtsProvider({
      apiKey: 'k',
      baseURL: `${fake.origin}/v1`,
      maxRetries: 2,
    }).synthesize(request);
    expect(ok.pcm.length).toBe(rate);
    expect(fake.requests).toHaveLength(2);
    fake.script.push(openAiError(401, 'Incorrect API key provided.'));
    const error = await new OpenAiTtsProvider({ apiKey: 'k', baseURL: `${fake.origin}/v1`, maxRetries: 2 })
      .synthesize(request)
      .catch((e: unknown) => e);
    expect(isVoiceError(error, 'unauthorized')).toBe(true);
    expect((error as Error).message).toMatch(/OPENAI_API_KEY/);
  });

  it('turns a hang into a timeout and an interrupt into aborted', async () => {
    fake = await startFakeOpenAiSpeech({ wav, script: [{ hang: true }, { hang: true }] });
    const slow = new OpenAiTtsProvider({
      apiKey: 'k',
      baseURL: `${fake.origin}/v1`,
      timeoutMs: 150,
      maxRetries: 0,
    });
    expect(isVoiceError(await slow.synthesize(request).catch((e: unknown) => e), 'timeout')).toBe(true);
    const controller = new AbortController();
    const pending = new OpenAiTtsProvider({ apiKey: 'k', baseURL: `${fake.origin}/v1` }).synthesize({
      ...request,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 30);
    expect(isVoiceError(await pending.catch((e: unknown) => e), 'aborted')).toBe(true);
  });

  it('says what to do when the request itself is refused', async () => {
    fake = await startFakeOpenAiSpeech({ wav, script: [openAiError(400, 'Invalid voice')] });
    const error = await new OpenAiTtsProvider({ apiKey: 'k', baseURL: `${fake.origin}/v1` })
      .synthesize(request)
      .catch((e: unknown) => e);
    expect(isVoiceError(error, 'bad_request')).toBe(true);
    expect((error as Error).message).toMatch(/Invalid voice/);
  });
});
