import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EspeakTtsProvider } from '../espeak/EspeakTtsProvider';
import { type SynthesizedSpeech } from '../types';
import { computeVisemeTrack } from './computeVisemeTrack';
import { sampleVisemeTrack } from './sampleVisemeTrack';

let voice: EspeakTtsProvider;
let english: SynthesizedSpeech;
const englishText = 'Good morning! It is nice to see you again.';
beforeAll(async () => {
  voice = new EspeakTtsProvider();
  english = await voice.synthesize({ text: englishText, language: 'en', voice: {} });
});
afterAll(async () => {
  await voice.close();
});

/** `ms` of silence, then the speech, then `ms` of silence again. */
function padded(pcm: Float32Array, rate: number, ms: number): Float32Array {
  const pad = Math.round((ms / 1000) * rate);
  const out = new Float32Array(pcm.length + 2 * pad);
  out.set(pcm, pad);
  return out;
}

describe('viseme track', () => {
  it('never opens the mouth on digital silence, nor on faint noise', () => {
    const rate = 22050;
    const silence = computeVisemeTrack({
      pcm: new Float32Array(rate * 2),
      sampleRate: rate,
      text: 'Hello',
      language: 'en',
    });
    expect(silence.every(([, , w]) => w === 0)).toBe(true);
    let seed = 1;
    const hiss = Float32Array.from({ length: rate * 2 }, () => {
      seed = (seed * 16807) % 2147483647;
      return (seed / 2147483647 - 0.5) * 0.001;
    });
    expect(
      computeVisemeTrack({ pcm: hiss, sampleRate: rate, text: '', language: 'en' }).every(
        ([, , w]) => w === 0,
      ),
    ).toBe(true);
    expect(
      computeVisemeTrack({ pcm: new Float32Array(0), sampleRate: rate, text: '', language: 'en' }),
    ).toEqual([]);
  });

  it('opens and shapes the mouth while the character speaks, within 30 keyframes per second', () => {
    const track = computeVisemeTrack({ ...english, text: englishText, language: 'en' });
    expect(track.length / (english.durationMs / 1000)).toBeLessThanOrEqual(30);
    const open = track.filter(([, , w]) => w > 0.3);
    expect(open.length).toBeGreaterThan(10);
    expect(new Set(track.map(([, v]) => v)).size).toBeGreaterThanOrEqual(3);
    expect(track.every(([t], k) => k === 0 || t > track[k - 1][0])).toBe(true);
    expect(track.every(([t, , w]) => t >= 0 && t <= english.durationMs + 30 && w >= 0 && w <= 1)).toBe(true);
  });

  it('keeps the mouth shut through silence around the speech and opens it within 30 ms of the sound', () => {
    const pcm = padded(english.pcm, english.sampleRate, 400);
    const track = computeVisemeTrack({
      pcm,
      sampleRate: english.sampleRate,
      text: englishText,
      language: 'en',
    });
    for (let t = 0; t < 380; t += 10) expect(sampleVisemeTrack(track, t).weight).toBe(0);
    const firstSound = (pcm.findIndex((x) => Math.abs(x) > 0.01) / english.sampleRate) * 1000;
    expect(sampleVisemeTrack(track, firstSound + 30).weight).toBeGreaterThan(0.2);
    const end = (pcm.length / english.sampleRate) * 1000;
    for (let t = end - 350; t < end; t += 10) expect(sampleVisemeTrack(track, t).weight).toBe(0);
  });

  it('starts and ends closed even when the audio is cut off mid-sound', () => {
    const cut = english.pcm.subarray(
      Math.round(english.sampleRate * 0.3),
      Math.round(english.sampleRate * 1.2),
    );
    const track = computeVisemeTrack({
      pcm: cut,
      sampleRate: english.sampleRate,
      text: englishText,
      language: 'en',
    });
    expect(track[0][2]).toBe(0);
    expect(track[track.length - 1][2]).toBe(0);
    expect(track.some(([, , w]) => w > 0.3)).toBe(true);
  });

  it('uses provider timestamps when they are given', () => {
    const rate = 16000;
    const pcm = Float32Array.from(
      { length: rate },
      (_, i) => 0.3 * Math.sin((2 * Math.PI * 150 * i) / rate) * Math.sin((Math.PI * i) / rate),
    );
    const marks = [
      { tMs: 0, phoneme: 'pau' },
      { tMs: 100, phoneme: 'O' },
      { tMs: 450, phoneme: 'm' },
      { tMs: 500, phoneme: 'IY1' },
      { tMs: 950, phoneme: 'pau' },
    ];
    const track = computeVisemeTrack({ pcm, sampleRate: rate, text: 'whatever', language: 'en', marks });
    expect(sampleVisemeTrack(track, 300).viseme).toBe('O');
    expect(sampleVisemeTrack(track, 700).viseme).toBe('I');
  });

  it('reads Japanese kana, and still animates a sentence with kanji from the audio', async () => {
    const kana = 'あおい うみ';
    const speech = await voice.synthesize({ text: kana, language: 'ja', voice: {} });
    const track = computeVisemeTrack({ ...speech, text: kana, language: 'ja' });
    const shown = new Set(track.filter(([, , w]) => w > 0.2).map(([, v]) => v));
    for (const v of ['A', 'O', 'I', 'U']) expect(shown).toContain(v);
    const kanji = computeVisemeTrack({ ...speech, text: '青い海', language: 'ja' });
    expect(kanji.filter(([, , w]) => w > 0.2).length).toBeGreaterThan(3);
  });
});
