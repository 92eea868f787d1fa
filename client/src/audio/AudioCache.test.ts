import { describe, expect, it, vi } from 'vitest';
import { AudioCache } from './AudioCache';

const buffer = (n: number) => ({ duration: n }) as unknown as AudioBuffer;

describe('AudioCache', () => {
  it('downloads a sentence once even when asked again before it is decoded', async () => {
    const fetchFn = vi.fn(async () => new Response(new Uint8Array([1, 2, 3])));
    const cache = new AudioCache(async (b) => buffer(b.byteLength), fetchFn);
    const [a, b] = await Promise.all([cache.get('/audio/1.wav'), cache.get('/audio/1.wav')]);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(a?.duration).toBe(3);
  });

  it('answers null (text-only playback) when the audio cannot be fetched, and tries again later', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let ok = false;
    const cache = new AudioCache(
      async () => buffer(1),
      async () => new Response('', { status: ok ? 200 : 404 }),
    );
    expect(await cache.get('/audio/x.wav')).toBeNull();
    ok = true;
    expect(await cache.get('/audio/x.wav')).not.toBeNull();
  });

  it('keeps only the most recent sentences', async () => {
    const fetchFn = vi.fn(async () => new Response(new Uint8Array([1])));
    const cache = new AudioCache(async () => buffer(1), fetchFn, 2);
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    await cache.get('a');
    expect(fetchFn).toHaveBeenCalledTimes(4);
  });
});
