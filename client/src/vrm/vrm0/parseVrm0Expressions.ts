import type { ExpressionDef, MaterialColorType } from '../definition';
import { EXPRESSION_PRESETS, VRM0_PRESETS } from '../expressions/presets';
import { materialsNamed, nodesUsingMesh, type GltfJson, type Warn } from '../gltf/gltfJson';
import { arr, bool, index, num, obj, str, type JsonObject } from '../json';

/** VRM 0.x (Unity) material property names → VRM 1.0 colour slots. */
const COLOR_PROPERTIES: Record<string, MaterialColorType> = {
  _Color: 'color',
  _EmissionColor: 'emissionColor',
  _ShadeColor: 'shadeColor',
  _RimColor: 'rimColor',
  _OutlineColor: 'outlineColor',
};

/**
 * Reads `blendShapeMaster.blendShapeGroups` into VRM 1.0 expressions: preset names renamed
 * (`a` → `aa`, `joy` → `happy`…), bind weights 0–100 → 0–1, mesh binds → the nodes using the
 * mesh, `materialValues` → colour and texture-transform binds. A custom group named like a 1.0
 * preset the file lacks (e.g. "Surprised", which 0.x has no preset for) becomes that preset.
 */
export function parseVrm0Expressions(json: GltfJson, blendShapeMaster: unknown, warn: Warn): ExpressionDef[] {
  const groups = arr(obj(blendShapeMaster).blendShapeGroups).map(obj);
  const presetNames = new Set(
    groups.map((g) => VRM0_PRESETS[str(g.presetName).toLowerCase()]).filter(Boolean),
  );
  const out: ExpressionDef[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    const name = expressionName(group, presetNames);
    if (!name) {
      warn('A VRM 0.x blend shape group has neither a preset nor a name; it is ignored.');
      continue;
    }
    if (seen.has(name)) {
      warn(`The blend shape group "${name}" appears twice; the second one is ignored.`);
      continue;
    }
    seen.add(name);
    out.push({
      name,
      isPreset: (EXPRESSION_PRESETS as readonly string[]).includes(name),
      isBinary: bool(group.isBinary),
      overrideBlink: 'none',
      overrideLookAt: 'none',
      overrideMouth: 'none',
      morphTargetBinds: morphBinds(json, group, name, warn),
      ...materialBinds(json, group, name, warn),
    });
  }
  return out;
}

function expressionName(group: JsonObject, presetNames: Set<string>): string {
  const preset = VRM0_PRESETS[str(group.presetName).toLowerCase()];
  if (preset) return preset;
  const name = str(group.name);
  const lower = name.toLowerCase();
  const asPreset = EXPRESSION_PRESETS.find((p) => p.toLowerCase() === lower);
  return asPreset && !presetNames.has(asPreset) ? asPreset : name;
}

function morphBinds(
  json: GltfJson,
  group: JsonObject,
  name: string,
  warn: Warn,
): ExpressionDef['morphTargetBinds'] {
  const out: ExpressionDef['morphTargetBinds'] = [];
  for (const bind of arr(group.binds).map(obj)) {
    const mesh = index(bind.mesh);
    const target = index(bind.index);
    const nodes = mesh === null ? [] : nodesUsingMesh(json, mesh);
    if (target === null || nodes.length === 0) {
      warn(
        `The blend shape group "${name}" binds mesh ${String(bind.mesh)}, which no node shows; bind ignored.`,
      );
      continue;
    }
    out.push({ nodes, index: target, weight: num(bind.weight, 100) / 100 });
  }
  return out;
}

function materialBinds(
  json: GltfJson,
  group: JsonObject,
  name: string,
  warn: Warn,
): Pick<ExpressionDef, 'materialColorBinds' | 'textureTransformBinds'> {
  const materialColorBinds: ExpressionDef['materialColorBinds'] = [];
  const textureTransformBinds: ExpressionDef['textureTransformBinds'] = [];
  for (const value of arr(group.materialValues).map(obj)) {
    const materials = materialsNamed(json, str(value.materialName));
    const property = str(value.propertyName);
    const t = arr(value.targetValue).map((v) => num(v, 0));
    if (materials.length === 0 || t.length < 4) {
      warn(
        `The blend shape group "${name}" sets ${property} on an unknown material "${str(value.materialName)}".`,
      );
      continue;
    }
    if (property === '_MainTex_ST') {
      // Unity's texture origin is bottom-left: flip the V offset into glTF's top-left convention.
      textureTransformBinds.push({ materials, scale: [t[0], t[1]], offset: [t[2], 1 - t[3] - t[1]] });
    } else if (COLOR_PROPERTIES[property]) {
      materialColorBinds.push({
        materials,
        type: COLOR_PROPERTIES[property],
        targetValue: [t[0], t[1], t[2], t[3]],
      });
    } else {
      warn(
        `The blend shape group "${name}" sets ${property}, which VRM expressions do not support; ignored.`,
      );
    }
  }
  return { materialColorBinds, textureTransformBinds };
}
