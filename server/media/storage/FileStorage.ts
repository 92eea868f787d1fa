/**
 * Where uploaded avatars and utterance audio live: a folder under DATA_DIR by default, an
 * S3-compatible bucket when configured. Keys are paths like `audio/<turnId>/<seq>.wav`.
 */
export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

/** One folder or bucket of files. */
export interface FileStorage {
  readonly kind: 'disk' | 's3';
  /** Writes a file once; writing the same key again replaces it. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when there is none. */
  get(key: string): Promise<StoredFile | null>;
  delete(key: string): Promise<void>;
  /** Deletes files under `prefix` last written before `olderThan`; returns how many. */
  deleteOlderThan(prefix: string, olderThan: Date): Promise<number>;
  /** Where clients fetch the file: a path on this server (disk) or the bucket's public URL. */
  urlOf(key: string): string;
  /** Releases connections (S3); disk storage has nothing to close. */
  close?(): void;
}

/** Cache-Control for stored files: keys are content hashes or ids, so a URL never changes meaning. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** True for keys made of safe path segments (no `..`, no absolute paths). */
export function isSafeKey(key: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) && key.length <= 512;
}
