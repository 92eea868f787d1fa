import type { GltfJson } from './loadVrm';

/** Which VRM flavour a file is. */
export type VrmVersion = '0.x' | '1.0' | 'none';

/** One morph-target bind of an expression: glTF mesh index, target index, weight 0..1. */
export interface ExpressionBindDef {
  mesh: number;
  index: number;
  weight: number;
}

/** An expression (VRM 0.x blend shape group / VRM 1.0 expression) under a canonical name. */
export interface ExpressionDef {
  /**
   * Canonical lower-case name: VRM 0.x preset names (`a i u e o blink blink_l blink_r joy angry
   * sorrow fun neutral lookup lookdown lookleft lookright`), `surprised`, or a custom name.
   */
  name: string;
  /** The name in the file. */
  label: string;
  isBinary: boolean;
  binds: ExpressionBindDef[];
}

/** How the eyes turn: bones (degrees) or expressions (weights). Ranges map degrees to output. */
export interface LookAtDef {
  type: 'bone' | 'expression';
  horizontalInner: RangeMap;
  horizontalOuter: RangeMap;
  verticalDown: RangeMap;
  verticalUp: RangeMap;
}

/** Linear map from |angle| in degrees (clamped at inputMax) to an output at inputMax. */
export interface RangeMap {
  inputMax: number;
  output: number;
}

/** What the runtime needs from a VRM file, read from its glTF JSON. */
export interface VrmDescription {
  version: VrmVersion;
  title: string;
  /** Humanoid bone name (VRM 0.x spelling, e.g. `leftUpperArm`) → glTF node index. */
  humanBones: Map<string, number>;
  expressions: ExpressionDef[];
  lookAt: LookAtDef;
  /** True when the model faces +Z in glTF space (VRM 1.0); VRM 0.x faces −Z. */
  facesPlusZ: boolean;
  /** The file's licence metadata, as written. */
  meta: Record<string, unknown>;
}

const VRM1_TO_VRM0: Record<string, string> = {
  aa: 'a',
  ih: 'i',
  ou: 'u',
  ee: 'e',
  oh: 'o',
  blink: 'blink',
  blinkLeft: 'blink_l',
  blinkRight: 'blink_r',
  happy: 'joy',
  angry: 'angry',
  sad: 'sorrow',
  relaxed: 'fun',
  surprised: 'surprised',
  neutral: 'neutral',
  lookUp: 'lookup',
  lookDown: 'lookdown',
  lookLeft: 'lookleft',
  lookRight: 'lookright',
};

const DEFAULT_LOOK: LookAtDef = {
  type: 'bone',
  horizontalInner: { inputMax: 90, output: 10 },
  horizontalOuter: { inputMax: 90, output: 10 },
  verticalDown: { inputMax: 90, output: 10 },
  verticalUp: { inputMax: 90, output: 10 },
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** Reads the humanoid, expressions and look-at settings of a VRM 0.x or 1.0 file (anything else: 'none'). */
export function describeVrm(json: GltfJson): VrmDescription {
  const ext = obj(json.extensions);
  if (ext.VRM) return describeVrm0(obj(ext.VRM));
  if (ext.VRMC_vrm) return describeVrm1(json, obj(ext.VRMC_vrm));
  return {
    version: 'none',
    title: '',
    humanBones: new Map(),
    expressions: [],
    lookAt: DEFAULT_LOOK,
    facesPlusZ: false,
    meta: {},
  };
}

function describeVrm0(vrm: Obj): VrmDescription {
  const humanBones = new Map<string, number>();
  for (const b of arr(obj(vrm.humanoid).humanBones)) {
    const { bone, node } = obj(b);
    if (typeof bone === 'string' && typeof node === 'number' && node >= 0) humanBones.set(bone, node);
  }
  const expressions = arr(obj(vrm.blendShapeMaster).blendShapeGroups).map((g): ExpressionDef => {
    const group = obj(g);
    const label = String(group.name ?? '');
    const preset = String(group.presetName ?? 'unknown').toLowerCase();
    return {
      name: preset && preset !== 'unknown' ? preset : label.toLowerCase(),
      label,
      isBinary: group.isBinary === true,
      binds: arr(group.binds)
        .map((b) => obj(b))
        .map((b) => ({ mesh: num(b.mesh, -1), index: num(b.index, -1), weight: num(b.weight, 100) / 100 })),
    };
  });
  const fp = obj(vrm.firstPerson);
  const range = (v: unknown): RangeMap => ({
    inputMax: num(obj(v).xRange, 90),
    output: num(obj(v).yRange, 10),
  });
  const lookAt: LookAtDef = {
    type: fp.lookAtTypeName === 'BlendShape' ? 'expression' : 'bone',
    horizontalInner: range(fp.lookAtHorizontalInner),
    horizontalOuter: range(fp.lookAtHorizontalOuter),
    verticalDown: range(fp.lookAtVerticalDown),
    verticalUp: range(fp.lookAtVerticalUp),
  };
  const meta = obj(vrm.meta);
  return {
    version: '0.x',
    title: String(meta.title ?? ''),
    humanBones,
    expressions,
    lookAt,
    facesPlusZ: false,
    meta,
  };
}

function describeVrm1(json: GltfJson, vrm: Obj): VrmDescription {
  const humanBones = new Map<string, number>();
  for (const [bone, v] of Object.entries(obj(obj(vrm.humanoid).humanBones))) {
    const node = obj(v).node;
    // VRM 1.0 spells the thumb bones differently; the 0.x runtime drives none of them.
    if (typeof node === 'number') humanBones.set(bone, node);
  }
  const nodes = (json.nodes ?? []) as Obj[];
  const expressions: ExpressionDef[] = [];
  const groups = obj(vrm.expressions);
  const add = (label: string, name: string, e: Obj): void => {
    expressions.push({
      name,
      label,
      isBinary: e.isBinary === true,
      binds: arr(e.morphTargetBinds)
        .map((b) => obj(b))
        .map((b) => ({
          mesh: num(obj(nodes[num(b.node, -1)]).mesh, -1),
          index: num(b.index, -1),
          weight: num(b.weight, 1),
        })),
    });
  };
  for (const [label, e] of Object.entries(obj(groups.preset)))
    add(label, VRM1_TO_VRM0[label] ?? label.toLowerCase(), obj(e));
  for (const [label, e] of Object.entries(obj(groups.custom))) add(label, label.toLowerCase(), obj(e));
  const look = obj(vrm.lookAt);
  const range = (v: unknown): RangeMap => ({
    inputMax: num(obj(v).inputMaxValue, 90),
    output: num(obj(v).outputScale, 10),
  });
  const lookAt: LookAtDef = {
    type: look.type === 'expression' ? 'expression' : 'bone',
    horizontalInner: range(look.rangeMapHorizontalInner),
    horizontalOuter: range(look.rangeMapHorizontalOuter),
    verticalDown: range(look.rangeMapVerticalDown),
    verticalUp: range(look.rangeMapVerticalUp),
  };
  const meta = obj(vrm.meta);
  return {
    version: '1.0',
    title: String(meta.name ?? ''),
    humanBones,
    expressions,
    lookAt,
    facesPlusZ: true,
    meta,
  };
}
