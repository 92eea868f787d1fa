import type { Material } from '@babylonjs/core/Materials/material';
import type { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { MorphTarget } from '@babylonjs/core/Morph/morphTarget';
import type { ExpressionDef } from '../definition';
import type { BabylonRefs } from '../gltf/babylonRefs';
import type { Warn } from '../gltf/gltfJson';
import { ColorChannel, MorphChannel, ScalarChannel, UvChannel, type ExpressionChannel } from './channels';
import { colorSlots, uvTextures } from './materialSlots';
import { VrmExpression } from './VrmExpression';
import { VrmExpressionManager } from './VrmExpressionManager';

/** One channel per written value, shared by every bind that writes it. */
class Channels {
  readonly all: ExpressionChannel[] = [];
  private readonly byTarget = new Map<object, Map<string, ExpressionChannel>>();

  /** The channel writing `kind` of `target` (e.g. a Color4's RGB and its alpha are two). */
  get<C extends ExpressionChannel>(target: object, kind: string, make: () => C): C {
    const kinds = this.byTarget.get(target) ?? new Map<string, ExpressionChannel>();
    this.byTarget.set(target, kinds);
    let channel = kinds.get(kind) as C | undefined;
    if (!channel) {
      channel = make();
      kinds.set(kind, channel);
      this.all.push(channel);
    }
    return channel;
  }
}

/** Resolves the expressions' binds to Babylon morph targets, material colours and textures. */
export function buildExpressions(defs: ExpressionDef[], refs: BabylonRefs, warn: Warn): VrmExpressionManager {
  const channels = new Channels();
  const expressions = defs.map((def) => {
    const e = new VrmExpression(def.name, def.isPreset, def.isBinary, {
      blink: def.overrideBlink,
      lookAt: def.overrideLookAt,
      mouth: def.overrideMouth,
    });
    addMorphBinds(e, def, refs, channels, warn);
    addColorBinds(e, def, refs, channels, warn);
    addUvBinds(e, def, refs, channels);
    return e;
  });
  return new VrmExpressionManager(expressions, channels.all);
}

function addMorphBinds(
  e: VrmExpression,
  def: ExpressionDef,
  refs: BabylonRefs,
  channels: Channels,
  warn: Warn,
): void {
  for (const bind of def.morphTargetBinds) {
    const targets: MorphTarget[] = [];
    for (const node of bind.nodes)
      for (const mesh of refs.primitives(node)) {
        const manager = mesh.morphTargetManager;
        if (manager && bind.index < manager.numTargets) targets.push(manager.getTarget(bind.index));
      }
    if (targets.length === 0) {
      warn(`The expression "${def.name}" binds morph target ${bind.index}, which the mesh does not have.`);
      continue;
    }
    const bound = targets.map((t) => channels.get(t, 'influence', () => new MorphChannel(t)));
    e.binds.push({
      kind: 'morphTarget',
      apply: (w) => {
        for (const c of bound) c.value += w * bind.weight;
      },
    });
  }
}

function addColorBinds(
  e: VrmExpression,
  def: ExpressionDef,
  refs: BabylonRefs,
  channels: Channels,
  warn: Warn,
): void {
  for (const bind of def.materialColorBinds) {
    const slots = materialsOf(bind.materials, refs).flatMap((m) => colorSlots(m, bind.type));
    if (slots.length === 0) {
      warn(`The expression "${def.name}" moves ${bind.type}, which its material does not have; ignored.`);
      continue;
    }
    const [r, g, b, a] = bind.targetValue;
    for (const slot of slots) {
      const color = channels.get(slot.color, 'rgb', () => new ColorChannel(slot.color));
      const delta = [r - color.initial[0], g - color.initial[1], b - color.initial[2]];
      const alphaSlot = slot.alpha;
      const alpha = alphaSlot
        ? channels.get(
            alphaSlot.owner,
            alphaSlot.key,
            () => new ScalarChannel(alphaSlot.owner, alphaSlot.key as never),
          )
        : null;
      const deltaAlpha = alpha ? a - alpha.initial : 0;
      e.binds.push({
        kind: 'materialColor',
        apply: (w) => {
          for (let i = 0; i < 3; i++) color.value[i] += w * delta[i];
          if (alpha) alpha.value += w * deltaAlpha;
        },
      });
    }
  }
}

function addUvBinds(e: VrmExpression, def: ExpressionDef, refs: BabylonRefs, channels: Channels): void {
  for (const bind of def.textureTransformBinds) {
    const textures = new Set<Texture>(materialsOf(bind.materials, refs).flatMap(uvTextures));
    for (const texture of textures) {
      const uv = channels.get(texture, 'uv', () => new UvChannel(texture));
      const target = [bind.scale[0], bind.scale[1], bind.offset[0], bind.offset[1]];
      const delta = target.map((t, i) => t - uv.initial[i]);
      e.binds.push({
        kind: 'textureTransform',
        apply: (w) => {
          for (let i = 0; i < 4; i++) uv.value[i] += w * delta[i];
        },
      });
    }
  }
}

function materialsOf(indices: number[], refs: BabylonRefs): Material[] {
  return indices.flatMap((i) => refs.materials(i));
}
