/**
 * The one error the VRM validator throws. Its `code` is stable (the HTTP layer and the client
 * switch on it); its `message` is written for the person who uploaded the file.
 */

/** Every reason a file can be refused, stable across releases. */
export const VRM_ERROR_CODES = [
  'file_too_large',
  'not_glb',
  'unsupported_version',
  'truncated',
  'bad_length',
  'bad_chunk_length',
  'bad_chunk_order',
  'json_too_large',
  'json_too_deep',
  'json_invalid',
  'not_vrm',
  'missing_bones',
  'bad_bone_node',
  'external_uri',
  'data_uri',
  'bad_buffer',
  'bad_buffer_view',
  'bad_accessor',
  'bad_reference',
  'bad_node_tree',
  'bad_image',
  'texture_too_large',
  'too_many_textures',
  'too_many_vertices',
  'too_many_meshes',
  'too_many_nodes',
  'too_many_morph_targets',
  'too_much_geometry',
] as const;

/** A stable reason code, one of {@link VRM_ERROR_CODES}. */
export type VrmErrorCode = (typeof VRM_ERROR_CODES)[number];

/** Machine-readable facts about a refusal (limit, actual value, where in the file). */
export type VrmErrorDetails = Readonly<Record<string, string | number>>;

/** Thrown by `validateVrm` when a file is unsafe or unusable; nothing else is thrown for bad bytes. */
export class VrmValidationError extends Error {
  override readonly name = 'VrmValidationError';

  constructor(
    readonly code: VrmErrorCode,
    message: string,
    readonly details: VrmErrorDetails = {},
  ) {
    super(message);
  }
}

/** True when `error` is a {@link VrmValidationError} (works across module copies, unlike instanceof). */
export function isVrmValidationError(error: unknown): error is VrmValidationError {
  return (
    error instanceof VrmValidationError ||
    (error instanceof Error && error.name === 'VrmValidationError' && 'code' in error)
  );
}

/** Shorthand used by the checks: build and throw in one expression. */
export function refuse(code: VrmErrorCode, message: string, details?: VrmErrorDetails): never {
  throw new VrmValidationError(code, message, details);
}

/** Human-sized byte counts for messages: "48.2 MB", "512 KB", "90 bytes". */
export function formatBytes(bytes: number, round: 'up' | 'down' = 'up'): string {
  const units: Array<[number, string]> = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      // Round away from the limit so "31 MB > 30 MB" never prints as "30 MB > 30 MB".
      const value = (round === 'up' ? Math.ceil : Math.floor)((bytes / size) * 10) / 10;
      return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}
