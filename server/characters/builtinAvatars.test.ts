import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VrmModel, VrmModelRepository } from '../db';
import { BUILTIN_AVATARS, seedBuiltinAvatars } from './builtinAvatars';

const ASSETS = fileURLToPath(new URL('../../assets/avatars/', import.meta.url));

/** An in-memory stand-in for the repository: only what seeding uses. */
function memoryRepo() {
  const rows = new Map<string, VrmModel>();
  let writes = 0;
  const repo = {
    findById: async (id: string) => rows.get(id) ?? null,
    upsertBuiltin: async (id: string, data: Omit<VrmModel, 'id' | 'createdAt' | 'approved' | 'ownerId'>) => {
      writes++;
      const row = { ...data, id, ownerId: null, approved: true, createdAt: new Date() } as VrmModel;
      rows.set(id, row);
      return row;
    },
  };
  return { repo: repo as unknown as VrmModelRepository, rows, writes: () => writes };
}

describe('seeding the built-in avatars into the catalogue', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kotodama-builtins-'));
    await copyFile(join(ASSETS, 'kotoha.vrm'), join(dir, 'kotoha.vrm'));
    await writeFile(join(dir, 'haru.vrm'), 'not a VRM at all'); // a broken build; sora.vrm is missing
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds the valid ones as approved, owner-less entries and skips broken or missing files with a warning', async () => {
    const { repo, rows } = memoryRepo();
    const warnings: string[] = [];
    const log = pino(
      { level: 'warn' },
      {
        write: (line: string) => {
          warnings.push(JSON.parse(line).msg);
        },
      },
    );
    expect(await seedBuiltinAvatars(repo, dir, log)).toBe(1);
    const kotoha = rows.get(BUILTIN_AVATARS[0].id)!;
    expect(kotoha).toMatchObject({
      name: 'Kotoha',
      storageKey: 'builtin/kotoha.vrm',
      approved: true,
      ownerId: null,
      lipSync: true,
      vrmVersion: '0.x',
    });
    expect((kotoha.meta as { bones: string[] }).bones).toContain('hips');
    expect(warnings.join('\n')).toMatch(/haru\.vrm[\s\S]*sora\.vrm/);
  });

  it('does not validate or write again when a file has not changed', async () => {
    const { repo, writes } = memoryRepo();
    const log = pino({ level: 'silent' });
    await seedBuiltinAvatars(repo, dir, log);
    await seedBuiltinAvatars(repo, dir, log);
    expect(writes()).toBe(1);
  });
});
