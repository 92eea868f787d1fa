import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVoiceError } from '../voiceError';
import { decodeWav } from '../wav';
import { EspeakEngine } from './EspeakEngine';
import { EspeakTtsProvider } from './EspeakTtsProvider';

let voice: EspeakTtsProvider;
beforeAll(async () => {
  voice = new EspeakTtsProvider({ poolSize: 2 });
  await voice.warmUp();
});
afterAll(async () => {
  await voice.close();
});

/** Median pitch (Hz) of the loud frames, by autocorrelation. */
function medianPitch(pcm: Float32Array, rate: number): number {
  const frame = Math.round(rate * 0.04);
  const pitches: number[] = [];
  for (let start = 0; start + frame * 2 < pcm.length; start += frame) {
    let energy = 0;
    for (let i = 0; i < frame; i++) energy += pcm[start + i] ** 2;
    if (energy / frame < 1e-3) continue;
    let best = 0,
      bestLag = 0;
    for (let lag = Math.floor(rate / 400); lag < rate / 60; lag++) {
      let c = 0;
      for (let i = 0; i < frame; i++) c += pcm[start + i] * pcm[start + i + lag];
      if (c > best) {
        best = c;
        bestLag = lag;
      }
    }
    pitches.push(rate / bestLag);
  }
  pitches.sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)];
}

describe('eSpeak NG provider', () => {
  it('speaks English as real WAV audio and reports the phonemes per clause', async () => {
    const speech = await voice.synthesize({
      text: 'Hello there, how are you today?',
      language: 'en',
      voice: {},
    });
    expect(speech).toMatchObject({ provider: 'espeak', format: 'wav', contentType: 'audio/wav' });
    expect(decodeWav(speech.audio).pcm.length).toBe(speech.pcm.length);
    expect(speech.durationMs).toBeGreaterThan(1000);
    expect(speech.durationMs).toBeLessThan(4000);
    expect(Math.max(...speech.pcm.map(Math.abs))).toBeGreaterThan(0.1);
    expect(speech.phonemes).toHaveLength(2);
    expect(speech.phonemes![0]).toMatch(/h.*l.*oʊ/);
  });

  it('speaks Japanese kana', async () => {
    const speech = await voice.synthesize({ text: 'こんにちは、げんきですか？', language: 'ja', voice: {} });
    expect(speech.durationMs).toBeGreaterThan(800);
    expect(speech.phonemes?.length).toBe(2);
  });

  it("follows the character's pitch, speed and voice variant", async () => {
    const text = 'I like walking in the rain.';
    const [low, high, slow, fast, female] = await Promise.all([
      voice.synthesize({ text, language: 'en', voice: { pitch: 0.6 } }),
      voice.synthesize({ text, language: 'en', voice: { pitch: 1.6 } }),
      voice.synthesize({ text, language: 'en', voice: { speed: 0.8 } }),
      voice.synthesize({ text, language: 'en', voice: { speed: 1.6 } }),
      voice.synthesize({ text, language: 'en', voice: { voice: 'en-us+f3' } }),
    ]);
    expect(medianPitch(high.pcm, high.sampleRate)).toBeGreaterThan(
      1.2 * medianPitch(low.pcm, low.sampleRate),
    );
    expect(fast.durationMs).toBeLessThan(0.7 * slow.durationMs);
    expect(medianPitch(female.pcm, female.sampleRate)).toBeGreaterThan(
      medianPitch(slow.pcm, slow.sampleRate),
    );
  });

  it('rejects an already-cancelled request and empty text with typed errors', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborted = await voice
      .synthesize({ text: 'Hi', language: 'en', voice: {}, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isVoiceError(aborted, 'aborted')).toBe(true);
    const empty = await voice.synthesize({ text: '  ', language: 'en', voice: {} }).catch((e: unknown) => e);
    expect(isVoiceError(empty, 'bad_request')).toBe(true);
  });

  it('phonemizes text another provider speaks', async () => {
    expect(await voice.phonemize('Good morning, everyone.', 'en')).toHaveLength(2);
  });

  it('names the missing npm package when eSpeak NG is not installed', async () => {
    const missing = new EspeakTtsProvider({ packageName: 'espeak-ng-not-installed' });
    try {
      const error = await missing
        .synthesize({ text: 'Hi', language: 'en', voice: {} })
        .catch((e: unknown) => e);
      expect(isVoiceError(error, 'dependency_missing')).toBe(true);
      expect((error as Error).message).toMatch(/npm install espeak-ng/);
    } finally {
      await missing.close();
    }
  });

  it('keeps working after a worker is stopped', async () => {
    const engine = new EspeakEngine();
    const own = new EspeakTtsProvider({ engine });
    await own.synthesize({ text: 'One.', language: 'en', voice: {} });
    await engine.close();
    const after = await own.synthesize({ text: 'Two.', language: 'en', voice: {} });
    expect(after.durationMs).toBeGreaterThan(100);
    await engine.close();
  });
});
