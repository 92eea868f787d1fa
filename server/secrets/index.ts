/** Secrets at rest: creators' own provider API keys, sealed with AES-256-GCM or AWS KMS data keys. */
export { LocalSecretBox, SecretBoxError, type SecretBox } from './SecretBox';
export { KmsSecretBox, type KmsSecretBoxOptions } from './KmsSecretBox';
export { createSecretBox } from './createSecretBox';
