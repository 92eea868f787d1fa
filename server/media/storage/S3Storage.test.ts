import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeS3, type FakeS3 } from '../../../test-support/fakeS3';
import { IMMUTABLE_CACHE_CONTROL } from './FileStorage';
import { S3Storage, type S3StorageOptions } from './S3Storage';
import { storageContract } from './storage.contract';

const optionsFor = (fake: FakeS3): S3StorageOptions => ({
  endpoint: fake.endpoint,
  bucket: fake.bucket,
  region: fake.region,
  accessKeyId: fake.accessKeyId,
  secretAccessKey: fake.secretAccessKey,
});

// A page size of 3 makes deleteOlderThan walk several ListObjectsV2 pages.
storageContract('S3 (real SDK, fake bucket)', async () => {
  const fake = await startFakeS3({ pageSize: 3 });
  const storage = new S3Storage(optionsFor(fake));
  return {
    storage,
    urlBase: '/media',
    cleanup: async () => {
      storage.close();
      await fake.close();
    },
  };
});

describe('S3Storage against the wire', () => {
  let fake: FakeS3;
  beforeAll(async () => {
    fake = await startFakeS3();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('stores objects with their content type and immutable cache headers, for a CDN to honour', async () => {
    const storage = new S3Storage(optionsFor(fake));
    await storage.put('avatars/feed.vrm', new Uint8Array([1, 2, 3]), 'model/gltf-binary');
    expect(fake.objects.get('avatars/feed.vrm')).toMatchObject({
      contentType: 'model/gltf-binary',
      cacheControl: IMMUTABLE_CACHE_CONTROL,
    });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'PUT', operation: 'PutObject', status: 200 });
    storage.close();
  });

  it('fails loudly with the wrong secret instead of pretending the file is missing', async () => {
    const storage = new S3Storage({ ...optionsFor(fake), secretAccessKey: 'not-the-secret' });
    await expect(storage.put('avatars/x.vrm', new Uint8Array([1]), 'model/gltf-binary')).rejects.toThrow();
    await expect(storage.get('avatars/feed.vrm')).rejects.toThrow();
    expect(fake.requests.at(-1)?.operation).toBe('SignatureDoesNotMatch');
    storage.close();
  });

  it('fails loudly when the bucket does not exist', async () => {
    const storage = new S3Storage({ ...optionsFor(fake), bucket: 'no-such-bucket' });
    await expect(storage.get('avatars/feed.vrm')).rejects.toThrow();
    storage.close();
  });

  it('walks every ListObjectsV2 page when cleaning up', async () => {
    const paged = await startFakeS3({ pageSize: 2 });
    const storage = new S3Storage(optionsFor(paged));
    for (let i = 0; i < 5; i++) await storage.put(`audio/t/${i}.wav`, new Uint8Array([i]), 'audio/wav');
    expect(await storage.deleteOlderThan('audio/', new Date(Date.now() + 1000))).toBe(5);
    expect(paged.requests.filter((r) => r.operation === 'ListObjectsV2').length).toBeGreaterThanOrEqual(3);
    expect(paged.objects.size).toBe(0);
    storage.close();
    await paged.close();
  });

  it('points URLs at the public bucket origin when there is one', () => {
    const storage = new S3Storage({ ...optionsFor(fake), publicUrl: 'https://cdn.example.com/kotodama/' });
    expect(storage.urlOf('avatars/abc.vrm')).toBe('https://cdn.example.com/kotodama/avatars/abc.vrm');
    storage.close();
  });
});
