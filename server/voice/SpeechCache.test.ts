import { describe, expect, it } from 'vitest';
import { CachedTtsProvider, SpeechCache } from './SpeechCache';
import { type SpeechRequest, type SynthesizedSpeech, type TtsProvider } from './types';
import { isVoiceError, VoiceError } from './voiceError';

/** A provider that counts calls, takes `delayMs`, and sees its abort signal. */
function countingProvider(
  delayMs = 20,
  bytes = 1000,
): TtsProvider & { calls: SpeechRequest[]; aborted: number } {
  const p = {
    name: 'counting',
    calls: [] as SpeechRequest[],
    aborted: 0,
    synthesize(request: SpeechRequest): Promise<SynthesizedSpeech> {
      p.calls.push(request);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            resolve({
              audio: new Uint8Array(bytes),
              contentType: 'audio/wav',
              format: 'wav',
              durationMs: 100,
              pcm: new Float32Array(0),
              sampleRate: 16000,
              provider: 'counting',
            }),
          delayMs,
        );
        request.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          p.aborted++;
          reject(new VoiceError('aborted', 'aborted'));
        });
      });
    },
  };
  return p;
}

const line = (text: string, voice = {}): SpeechRequest => ({ text, language: 'en', voice });

describe('speech cache', () => {
  it('answers a repeated line without calling the provider again', async () => {
    const inner = countingProvider();
    const cached = new CachedTtsProvider(inner, new SpeechCache());
    const first = await cached.synthesize(line('Welcome back!'));
    const again = await cached.synthesize(line('  Welcome back! '));
    expect(again).toBe(first);
    expect(inner.calls).toHaveLength(1);
  });

  it('keeps different voices, languages and texts apart', async () => {
    const inner = countingProvider();
    const cached = new CachedTtsProvider(inner, new SpeechCache());
    await cached.synthesize(line('Hi', { voice: 'a' }));
    await cached.synthesize(line('Hi', { voice: 'b' }));
    await cached.synthesize({ ...line('Hi', { voice: 'a' }), language: 'ja' });
    await cached.synthesize(line('Hi', { voice: 'a', pitch: 1.2 }));
    expect(inner.calls).toHaveLength(4);
  });

  it('evicts the least recently used entries past its entry and byte limits', async () => {
    const cache = new SpeechCache({ maxEntries: 2, maxBytes: 10_000 });
    const inner = countingProvider(1, 3000);
    const cached = new CachedTtsProvider(inner, cache);
    await cached.synthesize(line('one'));
    await cached.synthesize(line('two'));
    await cached.synthesize(line('one')); // now most recent
    await cached.synthesize(line('three')); // evicts "two"
    expect(cache.size).toBe(2);
    await cached.synthesize(line('one'));
    expect(inner.calls).toHaveLength(3);
    await cached.synthesize(line('two'));
    expect(inner.calls).toHaveLength(4);
    const small = new SpeechCache({ maxEntries: 10, maxBytes: 5000 });
    const c2 = new CachedTtsProvider(countingProvider(1, 3000), small);
    await c2.synthesize(line('a'));
    await c2.synthesize(line('b'));
    expect(small.size).toBe(1);
    expect(small.bytes).toBeLessThanOrEqual(5000);
  });

  it('shares one call among identical requests in flight; one caller aborting does not cancel the others', async () => {
    const inner = countingProvider(60);
    const cached = new CachedTtsProvider(inner, new SpeechCache());
    const quitter = new AbortController();
    const a = cached.synthesize({ ...line('same'), signal: quitter.signal });
    const b = cached.synthesize(line('same'));
    quitter.abort();
    expect(isVoiceError(await a.catch((e: unknown) => e), 'aborted')).toBe(true);
    expect((await b).durationMs).toBe(100);
    expect(inner.calls).toHaveLength(1);
    expect(inner.aborted).toBe(0);
  });

  it('cancels the provider call when every caller has given up', async () => {
    const inner = countingProvider(200);
    const cached = new CachedTtsProvider(inner, new SpeechCache());
    const c1 = new AbortController();
    const c2 = new AbortController();
    const calls = [
      cached.synthesize({ ...line('x'), signal: c1.signal }),
      cached.synthesize({ ...line('x'), signal: c2.signal }),
    ];
    c1.abort();
    c2.abort();
    await Promise.allSettled(calls);
    expect(inner.aborted).toBe(1);
    await cached.synthesize(line('x')); // a later request starts afresh
    expect(inner.calls).toHaveLength(2);
  });
});
