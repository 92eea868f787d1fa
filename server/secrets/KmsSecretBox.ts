import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { openWithKey, sealWithKey, SecretBoxError, type SecretBox } from './SecretBox';

/** Where the KMS key is. */
export interface KmsSecretBoxOptions {
  keyId: string;
  region: string;
  /** A KMS-compatible endpoint other than AWS's (tests, LocalStack). */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Envelope encryption with AWS KMS: each secret gets a fresh data key from KMS
 * (GenerateDataKey); the secret is sealed with it (AES-256-GCM) and only the KMS-encrypted data
 * key is kept beside it: `kms.<encrypted data key>.<sealed>`. Opening asks KMS to decrypt the data key.
 */
export class KmsSecretBox implements SecretBox {
  private readonly kms: KMSClient;

  constructor(private readonly o: KmsSecretBoxOptions) {
    this.kms = new KMSClient({ region: o.region, endpoint: o.endpoint, credentials: o.credentials });
  }

  async seal(plain: string): Promise<string> {
    const out = await this.kms.send(new GenerateDataKeyCommand({ KeyId: this.o.keyId, KeySpec: 'AES_256' }));
    if (!out.Plaintext || !out.CiphertextBlob) throw new SecretBoxError('KMS returned no data key.');
    const key = Buffer.from(out.Plaintext);
    try {
      return `kms.${Buffer.from(out.CiphertextBlob).toString('base64url')}.${sealWithKey(key, plain, 'kms')}`;
    } finally {
      key.fill(0);
    }
  }

  async open(sealed: string): Promise<string> {
    const [kind, wrapped, ...rest] = sealed.split('.');
    if (kind !== 'kms' || !wrapped) throw new SecretBoxError('This secret was not sealed with KMS.');
    const out = await this.kms.send(
      new DecryptCommand({ KeyId: this.o.keyId, CiphertextBlob: Buffer.from(wrapped, 'base64url') }),
    );
    if (!out.Plaintext) throw new SecretBoxError('KMS could not decrypt the data key.');
    const key = Buffer.from(out.Plaintext);
    try {
      return openWithKey(key, rest.join('.'), 'kms');
    } finally {
      key.fill(0);
    }
  }

  close(): void {
    this.kms.destroy();
  }
}
