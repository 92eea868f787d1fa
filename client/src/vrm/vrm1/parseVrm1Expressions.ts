import type { ExpressionDef, ExpressionOverride, MaterialColorType } from '../definition';
import { isExpressionPreset } from '../expressions/presets';
import { inRange, type GltfJson, type Warn } from '../gltf/gltfJson';
import { arr, bool, index, num, obj, str, type JsonObject } from '../json';

const COLOR_TYPES = new Set<string>([
  'color',
  'emissionColor',
  'shadeColor',
  'matcapColor',
  'rimColor',
  'outlineColor',
]);
const OVERRIDES = new Set<string>(['none', 'block', 'blend']);

/** Reads VRM 1.0 `expressions.preset` and `expressions.custom`. */
export function parseVrm1Expressions(json: GltfJson, expressions: unknown, warn: Warn): ExpressionDef[] {
  const e = obj(expressions);
  const out: ExpressionDef[] = [];
  for (const [name, value] of Object.entries(obj(e.preset))) {
    if (!isExpressionPreset(name)) warn(`Unknown expression preset "${name}"; ignored.`);
    else out.push(parseExpression(json, name, true, obj(value), warn));
  }
  for (const [name, value] of Object.entries(obj(e.custom))) {
    if (isExpressionPreset(name)) warn(`A custom expression cannot take the preset name "${name}"; ignored.`);
    else out.push(parseExpression(json, name, false, obj(value), warn));
  }
  return out;
}

function parseExpression(
  json: GltfJson,
  name: string,
  isPreset: boolean,
  e: JsonObject,
  warn: Warn,
): ExpressionDef {
  const override = (v: unknown): ExpressionOverride =>
    OVERRIDES.has(str(v)) ? (str(v) as ExpressionOverride) : 'none';
  const materialIndex = (v: unknown, what: string): number[] => {
    const m = index(v);
    if (inRange(json.materials, m)) return [m];
    warn(`The expression "${name}" has a ${what} bind on missing material ${String(v)}; ignored.`);
    return [];
  };
  const morphTargetBinds: ExpressionDef['morphTargetBinds'] = [];
  for (const b of arr(e.morphTargetBinds).map(obj)) {
    const node = index(b.node);
    const target = index(b.index);
    if (!inRange(json.nodes, node) || target === null)
      warn(`The expression "${name}" binds a morph target of missing node ${String(b.node)}; ignored.`);
    else morphTargetBinds.push({ nodes: [node], index: target, weight: num(b.weight, 1) });
  }
  const materialColorBinds: ExpressionDef['materialColorBinds'] = [];
  for (const b of arr(e.materialColorBinds).map(obj)) {
    const type = str(b.type);
    const t = arr(b.targetValue).map((v) => num(v, 0));
    const materials = materialIndex(b.material, 'colour');
    if (!COLOR_TYPES.has(type) || t.length < 4)
      warn(`The expression "${name}" has an invalid colour bind; ignored.`);
    else if (materials.length)
      materialColorBinds.push({
        materials,
        type: type as MaterialColorType,
        targetValue: [t[0], t[1], t[2], t[3]],
      });
  }
  const textureTransformBinds: ExpressionDef['textureTransformBinds'] = [];
  for (const b of arr(e.textureTransformBinds).map(obj)) {
    const materials = materialIndex(b.material, 'texture transform');
    const scale = arr(b.scale);
    const offset = arr(b.offset);
    if (materials.length)
      textureTransformBinds.push({
        materials,
        scale: [num(scale[0], 1), num(scale[1], 1)],
        offset: [num(offset[0], 0), num(offset[1], 0)],
      });
  }
  return {
    name,
    isPreset,
    isBinary: bool(e.isBinary),
    overrideBlink: override(e.overrideBlink),
    overrideLookAt: override(e.overrideLookAt),
    overrideMouth: override(e.overrideMouth),
    morphTargetBinds,
    materialColorBinds,
    textureTransformBinds,
  };
}
