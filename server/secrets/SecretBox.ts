import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Seals short secrets (creators' API keys) for storage, and opens them again. */
export interface SecretBox {
  /** Ciphertext in a text form that names how it was sealed. */
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** Why a sealed secret could not be opened (wrong key, tampered, or another format). */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** AES-256-GCM with `key` (32 bytes): `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function sealWithKey(key: Buffer, plain: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Opens what `sealWithKey` made; throws SecretBoxError when the key or the data is wrong. */
export function openWithKey(key: Buffer, sealed: string, aad: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new SecretBoxError('Not a sealed secret.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretBoxError(
      'The secret could not be opened: the key is not the one it was sealed with, or it was altered.',
    );
  }
}

/** Seals with one key from the environment (PROVIDER_KEY_SECRET) or generated for development. */
export class LocalSecretBox implements SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('A secret box key must be 32 bytes.');
  }

  async seal(plain: string): Promise<string> {
    return `local.${sealWithKey(this.key, plain, 'local')}`;
  }

  async open(sealed: string): Promise<string> {
    if (!sealed.startsWith('local.')) throw new SecretBoxError('This secret was sealed another way (KMS?).');
    return openWithKey(this.key, sealed.slice('local.'.length), 'local');
  }
}
