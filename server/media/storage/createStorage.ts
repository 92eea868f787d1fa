import type { Config } from '../../config';
import { DiskStorage } from './DiskStorage';
import type { FileStorage } from './FileStorage';
import { S3Storage } from './S3Storage';

/** The storage the configuration asks for: an S3-compatible bucket when `S3_*` is set, else a folder. */
export function createStorage(files: Config['files']): FileStorage {
  if (files.kind === 's3') {
    return new S3Storage({
      endpoint: files.endpoint,
      bucket: files.bucket,
      region: files.region,
      accessKeyId: files.accessKeyId,
      secretAccessKey: files.secretAccessKey,
      publicUrl: files.publicUrl,
    });
  }
  return new DiskStorage(files.dir);
}
