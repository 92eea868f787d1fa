import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';
import { KmsSecretBox } from './KmsSecretBox';
import { LocalSecretBox, type SecretBox } from './SecretBox';

/**
 * The secret box the configuration asks for: KMS when AWS_KMS_KEY_ID is set, else AES-256-GCM
 * with PROVIDER_KEY_SECRET, else (development) with a key generated once under DATA_DIR.
 * In production without either, null: storing creators' own API keys is then refused.
 */
export async function createSecretBox(config: Readonly<Config>): Promise<SecretBox | null> {
  const p = config.providerKeys;
  if (p.kind === 'kms') return new KmsSecretBox({ keyId: p.keyId, region: p.region, endpoint: p.endpoint });
  if (p.secret) return new LocalSecretBox(keyFrom(p.secret));
  if (config.production) return null;
  return new LocalSecretBox(await generatedKey(config.dataDir));
}

function keyFrom(secret: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(secret) ? Buffer.from(secret, 'hex') : Buffer.from(secret, 'base64');
}

async function generatedKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, 'provider-key-secret');
  try {
    const existing = Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
    if (existing.length === 32) return existing;
  } catch {
    // first boot: make one
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
