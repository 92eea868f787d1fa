/**
 * How big and busy an uploaded avatar may be. One avatar is rendered on every screen in a
 * room, phones included, so the defaults aim at "any VRoid Studio or Booth avatar fits,
 * a scan or a scene dump does not".
 */

/** Limits applied by `validateVrm`; pass a partial object to override some of them. */
export interface VrmLimits {
  /** Whole file. VRoid Studio exports are 8–25 MB; 30 MB leaves headroom without letting a room stall on download. */
  maxFileBytes: number;
  /** JSON chunk. Real avatars carry 0.1–2 MB of JSON; more is almost always junk or an attack on the parser. */
  maxJsonBytes: number;
  /** Nesting of the JSON. glTF + VRM never go past ~12 levels. */
  maxJsonDepth: number;
  /** Entries in `images` and in `textures` (each). VRoid uses 10–30. */
  maxTextures: number;
  /** Width or height of any image, in pixels. 4096 is what every WebGL2 phone handles; 8192² RGBA is 256 MB of GPU memory. */
  maxTextureSize: number;
  /** Vertices summed over every primitive's POSITION accessor. VRoid avatars have 20–100k. */
  maxVertices: number;
  /** Entries in `meshes`. */
  maxMeshes: number;
  /** Entries in `nodes` (bones, spring-bone joints, meshes). Hair-heavy avatars reach ~1,000. */
  maxNodes: number;
  /** Morph targets summed over every primitive. A VRoid face has ~60 per primitive. */
  maxMorphTargets: number;
  /** Bytes all accessors decode to (count × element size). Catches "a billion zeros" accessors that cost nothing in the file. */
  maxAccessorBytes: number;
}

const MB = 1024 * 1024;

/** The limits used when the caller passes none. */
export const DEFAULT_VRM_LIMITS: Readonly<VrmLimits> = Object.freeze({
  maxFileBytes: 30 * MB,
  maxJsonBytes: 8 * MB,
  maxJsonDepth: 64,
  maxTextures: 64,
  maxTextureSize: 4096,
  maxVertices: 300_000,
  maxMeshes: 256,
  maxNodes: 4096,
  maxMorphTargets: 2048,
  maxAccessorBytes: 256 * MB,
});

/**
 * Merges overrides into the defaults. A limit that is not a positive number is a configuration
 * bug, not the uploader's fault, so it throws a RangeError (fail at boot) rather than a
 * VrmValidationError (which would become a 4xx).
 */
export function resolveVrmLimits(overrides: Partial<VrmLimits> = {}): VrmLimits {
  const limits: VrmLimits = { ...DEFAULT_VRM_LIMITS };
  for (const key of Object.keys(DEFAULT_VRM_LIMITS) as Array<keyof VrmLimits>) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) {
      throw new RangeError(`VRM limit ${key} must be a positive number, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
