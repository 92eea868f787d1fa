import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EspeakTtsProvider } from '../espeak/EspeakTtsProvider';
import { computeVisemeTrack, type VisemeTrackInput } from '../lipsync/computeVisemeTrack';
import { VisemeAnalyzer } from './VisemeAnalyzer';

const TEXT = 'Good morning! It is nice to see you again.';
let voice: EspeakTtsProvider;
let sample: VisemeTrackInput;
beforeAll(async () => {
  voice = new EspeakTtsProvider();
  const speech = await voice.synthesize({ text: TEXT, language: 'en', voice: {} });
  sample = {
    pcm: speech.pcm,
    sampleRate: speech.sampleRate,
    text: TEXT,
    language: 'en',
    phonemes: speech.phonemes,
  };
});
afterAll(async () => {
  await voice.close();
});

/** The sample said `times` times in a row, in an ordinary (unshared) buffer. */
function repeated(input: VisemeTrackInput, times: number): VisemeTrackInput {
  const pcm = new Float32Array(input.pcm.length * times);
  for (let k = 0; k < times; k++) pcm.set(input.pcm, k * input.pcm.length);
  return {
    ...input,
    pcm,
    text: Array(times).fill(input.text).join(' '),
    phonemes: Array(times)
      .fill(input.phonemes ?? [])
      .flat(),
  };
}

describe('VisemeAnalyzer', () => {
  it('answers exactly what computeVisemeTrack answers, from another thread once loaded, for shared and ordinary PCM', async () => {
    const analyzer = new VisemeAnalyzer({ poolSize: 2 });
    try {
      const meanwhile = await analyzer.analyzeTraced(sample); // the workers are loading: done here, no waiting
      expect(meanwhile.threadId).toBe(threadId);
      await analyzer.warmUp();
      expect(sample.pcm.buffer).toBeInstanceOf(SharedArrayBuffer); // decodeWav's output is shared, not copied
      const plain = { ...sample, pcm: Float32Array.from(sample.pcm) };
      const [shared, copied, again] = await Promise.all([
        analyzer.analyzeTraced(sample),
        analyzer.analyzeTraced(plain),
        analyzer.analyze(sample),
      ]);
      const expected = computeVisemeTrack(sample);
      expect(expected.length).toBeGreaterThan(10);
      expect(meanwhile.visemes).toEqual(expected);
      expect(shared.visemes).toEqual(expected);
      expect(copied.visemes).toEqual(expected);
      expect(again).toEqual(expected);
      expect(shared.threadId).not.toBe(threadId);
      expect(copied.threadId).not.toBe(threadId);
      expect(plain.pcm.length).toBe(sample.pcm.length); // the caller's buffer is copied, never detached
    } finally {
      await analyzer.close();
    }
  });

  it('leaves the calling thread free while it analyses a long clip', async (context) => {
    const analyzer = new VisemeAnalyzer();
    try {
      await analyzer.warmUp();
      const long = repeated(sample, 20);
      let worstLateMs = 0;
      let ticks = 0;
      let timer: NodeJS.Timeout | undefined;
      const tick = (due: number) => {
        worstLateMs = Math.max(worstLateMs, performance.now() - due);
        ticks++;
        timer = setTimeout(tick, 5, performance.now() + 5);
      };
      timer = setTimeout(tick, 5, performance.now() + 5);
      const started = performance.now();
      const result = await analyzer.analyzeTraced(long);
      const workerMs = performance.now() - started;
      clearTimeout(timer);
      const inline = performance.now();
      const expected = computeVisemeTrack(long);
      const inlineMs = performance.now() - inline;
      context.annotate(
        `${(long.pcm.length / long.sampleRate).toFixed(0)} s clip: in a worker ${workerMs.toFixed(0)} ms, a 5 ms timer fired ${ticks}× and was at worst ${worstLateMs.toFixed(0)} ms late; in this thread it would block ${inlineMs.toFixed(0)} ms`,
      );
      expect(result.threadId).not.toBe(threadId);
      expect(result.visemes).toEqual(expected);
    } finally {
      await analyzer.close();
    }
  });

  it('analyses in this thread, and says so once, when its worker cannot start', async () => {
    const log = { warn: vi.fn() };
    const analyzer = new VisemeAnalyzer({
      entry: new URL('./testdata/noSuchWorker.mjs', import.meta.url),
      log,
    });
    try {
      await analyzer.warmUp();
      const first = await analyzer.analyzeTraced(sample);
      const second = await analyzer.analyzeTraced(sample);
      expect(first.threadId).toBe(threadId);
      expect(second.visemes).toEqual(computeVisemeTrack(sample));
      expect(log.warn).toHaveBeenCalledTimes(1);
      expect(log.warn.mock.calls[0][1]).toMatch(/main thread/);
    } finally {
      await analyzer.close();
    }
  });

  it('finishes the calls of a worker that dies here, then keeps analysing here', async () => {
    const log = { warn: vi.fn() };
    const analyzer = new VisemeAnalyzer({
      entry: new URL('./testdata/dyingWorker.mjs', import.meta.url),
      log,
    });
    try {
      await analyzer.warmUp();
      const inFlight = await Promise.all([analyzer.analyzeTraced(sample), analyzer.analyzeTraced(sample)]);
      expect(inFlight.map((a) => a.visemes)).toEqual([
        computeVisemeTrack(sample),
        computeVisemeTrack(sample),
      ]);
      expect((await analyzer.analyzeTraced(sample)).threadId).toBe(threadId);
      expect(log.warn).toHaveBeenCalledTimes(1);
    } finally {
      await analyzer.close();
    }
  });

  it('still answers after close, in this thread, without a warning', async () => {
    const log = { warn: vi.fn() };
    const analyzer = new VisemeAnalyzer({ log });
    await analyzer.warmUp();
    await analyzer.close();
    const result = await analyzer.analyzeTraced(sample);
    expect(result.threadId).toBe(threadId);
    expect(result.visemes).toEqual(computeVisemeTrack(sample));
    expect(log.warn).not.toHaveBeenCalled();
  });
});
