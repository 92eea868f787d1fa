/** File storage for avatars and utterance audio: disk by default, S3-compatible when configured. */
export { IMMUTABLE_CACHE_CONTROL, isSafeKey, type FileStorage, type StoredFile } from './FileStorage';
export { contentTypeOf, DiskStorage } from './DiskStorage';
export { S3Storage, type S3StorageOptions } from './S3Storage';
export { createStorage } from './createStorage';
