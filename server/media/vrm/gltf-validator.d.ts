/**
 * The slice of the Khronos glTF validator's API our tests use (the package ships no types).
 * Used only to prove the synthetic test files are valid glTF.
 */
declare module 'gltf-validator' {
  /** One finding; severity 0 = error, 1 = warning, 2 = info, 3 = hint. */
  export interface ValidatorMessage {
    code: string;
    message: string;
    severity: number;
    pointer?: string;
  }
  export interface ValidatorReport {
    issues: { numErrors: number; messages: ValidatorMessage[] };
  }
  export function validateBytes(data: Uint8Array, options?: { maxIssues?: number }): Promise<ValidatorReport>;
  const validator: { validateBytes: typeof validateBytes };
  export default validator;
}
