import { mkdir, readdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isSafeKey, type FileStorage, type StoredFile } from './FileStorage';

const TYPES: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  vrm: 'model/gltf-binary',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** Files in a folder, served by this server under `urlPrefix` (e.g. `/media`). */
export class DiskStorage implements FileStorage {
  readonly kind = 'disk';

  constructor(
    private readonly dir: string,
    private readonly urlPrefix = '/media',
  ) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path); // readers never see half a file
  }

  async get(key: string): Promise<StoredFile | null> {
    try {
      const bytes = await readFile(this.pathOf(key));
      return { bytes, contentType: contentTypeOf(key) };
    } catch {
      return null;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async deleteOlderThan(prefix: string, olderThan: Date): Promise<number> {
    let removed = 0;
    const root = join(this.dir, prefix);
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile()) continue;
      const path = join(e.parentPath, e.name);
      if ((await stat(path)).mtime < olderThan) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  urlOf(key: string): string {
    return `${this.urlPrefix}/${key}`;
  }

  /** The folder this storage writes to (the HTTP layer serves it). */
  get root(): string {
    return this.dir;
  }

  private pathOf(key: string): string {
    if (!isSafeKey(key)) throw new Error(`Refusing an unsafe storage key: ${JSON.stringify(key)}`);
    return join(this.dir, key);
  }
}

/** The content type for a key, from its extension. */
export function contentTypeOf(key: string): string {
  return TYPES[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
