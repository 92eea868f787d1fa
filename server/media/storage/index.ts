/** File storage for avatars and utterance audio: disk by default, S3-compatible when configured. */
export { isSafeKey, type FileStorage, type StoredFile } from './FileStorage';
export { contentTypeOf, DiskStorage } from './DiskStorage';
