import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskStorage } from './DiskStorage';
import { storageContract } from './storage.contract';

storageContract('disk', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kotodama-storage-'));
  return {
    storage: new DiskStorage(dir),
    urlBase: '/media',
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
