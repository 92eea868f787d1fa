/**
 * Expressions (VRM 1.0) and blend-shape groups (VRM 0.x), mapped onto one vocabulary: the
 * VRM 1.0 preset names. Binds are checked too: an expression pointing at a mesh that does not
 * exist makes the client's loader fail.
 */
import { refuse } from './errors';
import { asArray, asObject, asString, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { type VrmVersion } from './types';

/** Preset expressions in the common vocabulary (VRM 1.0 names). */
export const EXPRESSION_PRESETS = [
  'neutral',
  'happy',
  'angry',
  'sad',
  'relaxed',
  'surprised',
  'aa',
  'ih',
  'ou',
  'ee',
  'oh',
  'blink',
  'blinkLeft',
  'blinkRight',
  'lookUp',
  'lookDown',
  'lookLeft',
  'lookRight',
] as const;

/** One preset expression name. */
export type ExpressionPreset = (typeof EXPRESSION_PRESETS)[number];

/** The mouth shapes lip-sync drives (VRM 0.x a/i/u/e/o). */
export const MOUTH_PRESETS: readonly ExpressionPreset[] = ['aa', 'ih', 'ou', 'ee', 'oh'];

/** VRM 0.x preset names (compared lower-case) → common names. */
const FROM_VRM0: Readonly<Record<string, ExpressionPreset>> = {
  neutral: 'neutral',
  joy: 'happy',
  angry: 'angry',
  sorrow: 'sad',
  fun: 'relaxed',
  a: 'aa',
  i: 'ih',
  u: 'ou',
  e: 'ee',
  o: 'oh',
  blink: 'blink',
  blink_l: 'blinkLeft',
  blink_r: 'blinkRight',
  lookup: 'lookUp',
  lookdown: 'lookDown',
  lookleft: 'lookLeft',
  lookright: 'lookRight',
};

/** Expressions found in a file. */
export interface ExpressionSummary {
  expressions: ExpressionPreset[];
  emptyExpressions: ExpressionPreset[];
  customExpressions: string[];
  lipSync: boolean;
}

/** What the binds may point at. */
export interface BindTargets {
  targetsPerMesh: number[];
  nodeMeshes: Array<number | undefined>;
  materialCount: number;
}

const MAX_CUSTOM = 64;
const DAMAGED = 'The file is damaged; re-export it.';

/** Reads presets and custom expressions and decides whether lip-sync can work. */
export function readExpressions(
  vrm: JsonObject,
  version: VrmVersion,
  targets: BindTargets,
): ExpressionSummary {
  const found = version === '0.x' ? groups0(vrm, targets) : expressions1(vrm, targets);
  const declared = new Map<ExpressionPreset, boolean>();
  const custom: string[] = [];
  for (const { preset, name, effective } of found) {
    if (preset) declared.set(preset, (declared.get(preset) ?? false) || effective);
    else if (custom.length < MAX_CUSTOM && name) custom.push(name.slice(0, 64));
  }
  const expressions = EXPRESSION_PRESETS.filter((p) => declared.has(p));
  return {
    expressions,
    emptyExpressions: expressions.filter((p) => !declared.get(p)),
    customExpressions: custom,
    lipSync: MOUTH_PRESETS.some((p) => declared.get(p) === true),
  };
}

interface Found {
  preset?: ExpressionPreset;
  name?: string;
  effective: boolean;
}

/** VRM 0.x `blendShapeMaster.blendShapeGroups[]`: `presetName`, `binds[{ mesh, index }]`, `materialValues`. */
function groups0(vrm: JsonObject, targets: BindTargets): Found[] {
  const groups = listOf(asObject(field(vrm, 'blendShapeMaster')), 'blendShapeGroups');
  return groups.map((raw, g) => {
    const group = asObject(raw);
    const binds = asArray(field(group, 'binds')) ?? [];
    for (const bind of binds) {
      const mesh = field(asObject(bind), 'mesh');
      const index = field(asObject(bind), 'index');
      if (!isIndex(mesh, targets.targetsPerMesh.length) || !isIndex(index, targets.targetsPerMesh[mesh])) {
        refuse(
          'bad_reference',
          `Blend shape group ${g} binds a mesh or shape key that does not exist. ${DAMAGED}`,
          { group: g },
        );
      }
    }
    const presetName = asString(field(group, 'presetName'))?.toLowerCase() ?? 'unknown';
    const preset = Object.hasOwn(FROM_VRM0, presetName) ? FROM_VRM0[presetName] : undefined;
    const effective = binds.length > 0 || (asArray(field(group, 'materialValues')) ?? []).length > 0;
    return { preset, name: asString(field(group, 'name')), effective };
  });
}

/** VRM 1.0 `expressions.preset` / `expressions.custom`: objects keyed by name. */
function expressions1(vrm: JsonObject, targets: BindTargets): Found[] {
  const block = asObject(field(vrm, 'expressions'));
  const known = new Set<string>(EXPRESSION_PRESETS);
  const found: Found[] = [];
  for (const kind of ['preset', 'custom'] as const) {
    const table = asObject(field(block, kind)) ?? {};
    for (const name of Object.keys(table)) {
      const effective = checkBinds1(asObject(table[name]), name, targets);
      if (kind === 'custom') found.push({ name, effective });
      else if (known.has(name)) found.push({ preset: name as ExpressionPreset, effective });
    }
  }
  return found;
}

/** Checks a VRM 1.0 expression's binds; returns whether it binds anything. */
function checkBinds1(expression: JsonObject | undefined, name: string, targets: BindTargets): boolean {
  const morphs = asArray(field(expression, 'morphTargetBinds')) ?? [];
  const materialBinds = ['materialColorBinds', 'textureTransformBinds'].flatMap(
    (k) => asArray(field(expression, k)) ?? [],
  );
  const what = `The expression "${name.slice(0, 40)}"`;
  for (const bind of morphs) {
    const node = field(asObject(bind), 'node');
    const mesh = isIndex(node, targets.nodeMeshes.length) ? targets.nodeMeshes[node] : undefined;
    if (mesh === undefined || !isIndex(field(asObject(bind), 'index'), targets.targetsPerMesh[mesh] ?? 0)) {
      refuse('bad_reference', `${what} binds a node or morph target that does not exist. ${DAMAGED}`, {
        expression: name.slice(0, 40),
      });
    }
  }
  for (const bind of materialBinds) {
    if (!isIndex(field(asObject(bind), 'material'), targets.materialCount)) {
      refuse('bad_reference', `${what} binds a material that does not exist. ${DAMAGED}`, {
        expression: name.slice(0, 40),
      });
    }
  }
  return morphs.length + materialBinds.length > 0;
}
