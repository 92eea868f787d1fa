/**
 * The FileStorage contract: one suite every backend must pass (disk, and S3 through the real
 * SDK against a fake bucket). Call it from a backend's test file with a factory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from './FileStorage';

/** A fresh, empty storage plus how to throw it away. */
export interface StorageUnderTest {
  storage: FileStorage;
  /** What `urlOf('a/b.vrm')` must start with. */
  urlBase: string;
  cleanup(): Promise<void>;
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** Defines the contract tests for one backend. */
export function storageContract(name: string, open: () => Promise<StorageUnderTest>): void {
  describe(`FileStorage contract: ${name}`, () => {
    let s: StorageUnderTest;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => {
      await s?.cleanup();
    });

    it('gives back exactly the bytes it stored, every byte value included, with the type by extension', async () => {
      const all = Uint8Array.from({ length: 1024 }, (_, i) => i % 256);
      await s.storage.put('avatars/0123abcd.vrm', all, 'model/gltf-binary');
      const file = await s.storage.get('avatars/0123abcd.vrm');
      expect(file?.contentType).toBe('model/gltf-binary');
      expect(Buffer.from(file!.bytes).equals(Buffer.from(all))).toBe(true);
      await s.storage.put('avatars/0123abcd.thumb.png', bytesOf('png'), 'image/png');
      expect((await s.storage.get('avatars/0123abcd.thumb.png'))?.contentType).toBe('image/png');
    });

    it('keeps an empty file and a 2 MB file intact', async () => {
      await s.storage.put('misc/empty.wav', new Uint8Array(0), 'audio/wav');
      expect((await s.storage.get('misc/empty.wav'))?.bytes.byteLength).toBe(0);
      const big = Uint8Array.from({ length: 2 * 1024 * 1024 }, (_, i) => (i * 31) & 0xff);
      await s.storage.put('misc/big.vrm', big, 'model/gltf-binary');
      expect(Buffer.from((await s.storage.get('misc/big.vrm'))!.bytes).equals(Buffer.from(big))).toBe(true);
    });

    it('answers null for a file it does not have', async () => {
      expect(await s.storage.get('avatars/never-written.vrm')).toBeNull();
    });

    it('replaces a file written again under the same key', async () => {
      await s.storage.put('misc/again.wav', bytesOf('first'), 'audio/wav');
      await s.storage.put('misc/again.wav', bytesOf('second'), 'audio/wav');
      expect(new TextDecoder().decode((await s.storage.get('misc/again.wav'))!.bytes)).toBe('second');
    });

    it('deletes a file, and deleting a missing one is not an error', async () => {
      await s.storage.put('misc/gone.wav', bytesOf('x'), 'audio/wav');
      await s.storage.delete('misc/gone.wav');
      expect(await s.storage.get('misc/gone.wav')).toBeNull();
      await expect(s.storage.delete('misc/gone.wav')).resolves.toBeUndefined();
    });

    it('removes old files under one folder only, across many files', async () => {
      const keys = Array.from({ length: 7 }, (_, i) => `audio/turn${i % 3}/${i}.wav`);
      for (const key of keys) await s.storage.put(key, bytesOf(key), 'audio/wav');
      await s.storage.put('audiobook/keep.wav', bytesOf('not in audio/'), 'audio/wav');
      await s.storage.put('avatars/keep.vrm', bytesOf('an avatar'), 'model/gltf-binary');
      expect(await s.storage.deleteOlderThan('audio', new Date(Date.now() - 60_000))).toBe(0);
      expect(await s.storage.get(keys[0])).not.toBeNull();
      expect(await s.storage.deleteOlderThan('audio', new Date(Date.now() + 60_000))).toBe(keys.length);
      for (const key of keys) expect(await s.storage.get(key)).toBeNull();
      expect(await s.storage.get('audiobook/keep.wav')).not.toBeNull();
      expect(await s.storage.get('avatars/keep.vrm')).not.toBeNull();
    });

    it('refuses keys that climb out of the store, and never finds them', async () => {
      for (const key of ['../escape.vrm', '/etc/passwd', 'avatars/../../x.vrm', 'a//b.vrm', '.hidden']) {
        await expect(s.storage.put(key, bytesOf('x'), 'model/gltf-binary')).rejects.toThrow(/unsafe/);
        expect(await s.storage.get(key)).toBeNull();
      }
    });

    it('names a URL for each key under its base', () => {
      expect(s.storage.urlOf('avatars/abc.vrm')).toBe(`${s.urlBase}/avatars/abc.vrm`);
    });
  });
}
