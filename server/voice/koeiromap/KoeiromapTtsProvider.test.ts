import { afterEach, describe, expect, it, vi } from 'vitest';
import { koeiromapAnswer, KOEIROMAP_PATH, startFakeKoeiromap } from '../../../test-support/fakeKoeiromap';
import { type FakeHttp } from '../../../test-support/voiceFakeHttp';
import { isVoiceError } from '../voiceError';
import { encodeWav } from '../wav';
import { KoeiromapTtsProvider } from './KoeiromapTtsProvider';

const rate = 24000;
const wav = encodeWav(
  Float32Array.from({ length: rate / 2 }, (_, i) => 0.3 * Math.sin(i / 5)),
  rate,
);
const request = {
  text: 'こんにちは',
  language: 'ja' as const,
  voice: { speakerX: 1.5, speakerY: -0.5, style: 'happy' },
};
const fast = { retries: 2, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 2000 };
let fake: FakeHttp | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('Koeiromap provider', () => {
  it('sends the documented request and decodes the WAV it gets back', async () => {
    fake = await startFakeKoeiromap({ wav, apiKey: 'k-123' });
    const speech = await new KoeiromapTtsProvider({
      apiKey: 'k-123',
      baseUrl: fake.origin,
      ...fast,
    }).synthesize(request);
    const seen = fake.requests[0];
    expect(seen.path).toBe(KOEIROMAP_PATH);
    expect(seen.headers['ocp-apim-subscription-key']).toBe('k-123');
    expect(seen.body).toEqual({
      text: 'こんにちは',
      speaker_x: 1.5,
      speaker_y: -0.5,
      style: 'happy',
      output_format: 'wav',
    });
    expect(speech).toMatchObject({
      provider: 'koeiromap',
      format: 'wav',
      contentType: 'audio/wav',
      sampleRate: rate,
    });
    expect(speech.durationMs).toBeCloseTo(500, 0);
    expect(speech.pcm.length).toBe(rate / 2);
  });

  it('accepts the full endpoint URL as well as the base URL', async () => {
    fake = await startFakeKoeiromap({ wav });
    await new KoeiromapTtsProvider({
      apiKey: 'k',
      baseUrl: `${fake.origin}${KOEIROMAP_PATH}`,
      ...fast,
    }).synthesize(request);
    await new KoeiromapTtsProvider({ apiKey: 'k', baseUrl: `${fake.origin}/`, ...fast }).synthesize(request);
    expect(fake.requests.map((r) => r.path)).toEqual([KOEIROMAP_PATH, KOEIROMAP_PATH]);
  });

  it('retries a 503 and a 429 (honouring Retry-After) and then succeeds', async () => {
    fake = await startFakeKoeiromap({
      wav,
      script: [
        { status: 503, body: { message: 'busy' } },
        { status: 429, headers: { 'retry-after': '0' }, body: {} },
      ],
    });
    const speech = await new KoeiromapTtsProvider({ apiKey: 'k', baseUrl: fake.origin, ...fast }).synthesize(
      request,
    );
    expect(fake.requests).toHaveLength(3);
    expect(speech.pcm.length).toBeGreaterThan(0);
  });

  it('does not retry a rejected key and names the setting to fix', async () => {
    fake = await startFakeKoeiromap({ wav, apiKey: 'right' });
    const error = await new KoeiromapTtsProvider({ apiKey: 'wrong', baseUrl: fake.origin, ...fast })
      .synthesize(request)
      .catch((e: unknown) => e);
    expect(isVoiceError(error, 'unauthorized')).toBe(true);
    expect((error as Error).message).toMatch(/KOEIROMAP_API_KEY/);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a hanging call per attempt, then reports a timeout', async () => {
    fake = await startFakeKoeiromap({ wav, script: [{ hang: true }, { hang: true }] });
    const error = await new KoeiromapTtsProvider({
      apiKey: 'k',
      baseUrl: fake.origin,
      retries: 1,
      baseDelayMs: 5,
      timeoutMs: 150,
    })
      .synthesize(request)
      .catch((e: unknown) => e);
    expect(isVoiceError(error, 'timeout')).toBe(true);
    // Each attempt was ended by its own 150 ms timeout (the default is 20 s), and hung up.
    expect((error as Error).message).toMatch(/within 150 ms/);
    expect(fake.requests).toHaveLength(2);
    await vi.waitFor(() => expect(fake!.requests.map((r) => r.closedByClient)).toEqual([true, true]));
  });

  it('stops at once when the caller aborts (interrupt) and hangs up on the server', async () => {
    fake = await startFakeKoeiromap({ wav, script: [{ hang: true }] });
    const controller = new AbortController();
    // At once: with a 10-minute timeout per attempt, only the abort can end this call within the test.
    const pending = new KoeiromapTtsProvider({
      apiKey: 'k',
      baseUrl: fake.origin,
      ...fast,
      timeoutMs: 10 * 60_000,
    }).synthesize({ ...request, signal: controller.signal });
    await vi.waitFor(() => expect(fake!.requests).toHaveLength(1)); // the call is at the server
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isVoiceError(error, 'aborted')).toBe(true);
    await vi.waitFor(() => expect(fake!.requests[0].closedByClient).toBe(true));
    expect(fake.requests).toHaveLength(1);
  });

  it('refuses MP3 audio with a message that says WAV is needed', async () => {
    const mp3 = new Uint8Array([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0]);
    fake = await startFakeKoeiromap({ wav, script: [koeiromapAnswer(mp3, 'audio/mpeg')] });
    const error = await new KoeiromapTtsProvider({ apiKey: 'k', baseUrl: fake.origin, ...fast })
      .synthesize(request)
      .catch((e: unknown) => e);
    expect(isVoiceError(error, 'bad_audio')).toBe(true);
    expect((error as Error).message).toMatch(/WAV/);
  });

  it('reports an unreachable server as a network error', async () => {
    const error = await new KoeiromapTtsProvider({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', retries: 0 })
      .synthesize(request)
      .catch((e: unknown) => e);
    expect(isVoiceError(error, 'network')).toBe(true);
  });
});
