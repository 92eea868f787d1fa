/**
 * What `validateVrm` reports about an accepted avatar.
 */
import { type ExpressionPreset } from './expressions';
import { type ImageMimeType } from './imageFormat';
import { type VrmLicence } from './licence';

/** Which VRM specification the file follows. */
export type VrmVersion = '0.x' | '1.0';

/** Sizes and counts, for the catalogue and for operators tuning limits. */
export interface VrmCounts {
  fileBytes: number;
  jsonBytes: number;
  binBytes: number;
  nodes: number;
  meshes: number;
  primitives: number;
  vertices: number;
  morphTargets: number;
  materials: number;
  textures: number;
  images: number;
  /** Bytes all accessors decode to. */
  accessorBytes: number;
  /** Largest width or height of any image, 0 without images. */
  largestTexture: number;
}

/** The avatar's thumbnail image, copied out of the file. */
export interface VrmThumbnail {
  mimeType: ImageMimeType;
  bytes: Uint8Array;
}

/** An accepted avatar: what it is, what it can do, and under which terms. */
export interface VrmValidationResult {
  vrmVersion: VrmVersion;
  /** VRM 0.x `title`, VRM 1.0 `name`; '' when absent. */
  title: string;
  /** VRM 0.x `author`, VRM 1.0 `authors` joined with ", "; '' when absent. */
  author: string;
  /** Humanoid bones present, named as the file's spec version names them. */
  bones: string[];
  /** Preset expressions the file declares, in the common (VRM 1.0) vocabulary. */
  expressions: ExpressionPreset[];
  /** Declared presets that change nothing (no morph, material or texture binds). */
  emptyExpressions: ExpressionPreset[];
  /** Names of non-preset expressions (VRM 0.x `unknown` groups, VRM 1.0 `custom`). */
  customExpressions: string[];
  /** True when at least one mouth shape (aa/ih/ou/ee/oh) exists and actually moves something. */
  lipSync: boolean;
  licence: VrmLicence;
  counts: VrmCounts;
  thumbnail?: VrmThumbnail;
}
