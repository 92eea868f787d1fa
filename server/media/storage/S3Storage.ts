import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { contentTypeOf } from './DiskStorage';
import { IMMUTABLE_CACHE_CONTROL, isSafeKey, type FileStorage, type StoredFile } from './FileStorage';

/** Where the bucket is and how to reach it. */
export interface S3StorageOptions {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Origin (and path) the bucket is publicly readable at, e.g. a CDN; absent: this server serves the files. */
  publicUrl?: string;
  /** Path this server serves files under when there is no public URL. Default `/media`. */
  urlPrefix?: string;
}

/**
 * An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, …), addressed path-style. Objects are
 * written with their content type and immutable cache headers, so a CDN in front of a public
 * bucket caches them as long as our own /media route would.
 */
export class S3Storage implements FileStorage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: true,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    checkKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        CacheControl: IMMUTABLE_CACHE_CONTROL,
      }),
    );
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!isSafeKey(key)) return null;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array(0);
      return { bytes, contentType: out.ContentType ?? contentTypeOf(key) };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  async deleteOlderThan(prefix: string, olderThan: Date): Promise<number> {
    const folder = prefix.replace(/\/+$/, '');
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: folder ? `${folder}/` : undefined,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || !object.LastModified || object.LastModified >= olderThan) continue;
        await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: object.Key }));
        removed++;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return removed;
  }

  urlOf(key: string): string {
    const base = this.options.publicUrl?.replace(/\/+$/, '') ?? this.options.urlPrefix ?? '/media';
    return `${base}/${key}`;
  }

  /** Closes the SDK's connections. */
  close(): void {
    this.client.destroy();
  }
}

function checkKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`Refusing an unsafe storage key: ${JSON.stringify(key)}`);
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  // A missing bucket is a configuration problem, not a missing file: let it surface.
  return e?.name === 'NoSuchKey' || (e?.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket');
}
