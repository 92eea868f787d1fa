import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A built-in avatar's bytes (assets/avatars/<name>.vrm). */
export function builtinVrm(name: 'kotoha' | 'haru' | 'sora'): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../assets/avatars/${name}.vrm`, import.meta.url)));
}

/** The parts of a VRM 0.x file's JSON these helpers change. */
interface Vrm0Json {
  extensions: {
    VRM: {
      humanoid: { humanBones: { bone: string }[] };
      blendShapeMaster: { blendShapeGroups: { presetName: string }[] };
    };
  };
}

/** A VRM 0.x GLB with its JSON chunk changed by `mutate` (the binary chunk is kept as it is). */
export function mutateGlb(glb: Buffer, mutate: (json: Vrm0Json) => void): Buffer {
  const jsonLength = glb.readUInt32LE(12);
  const json = JSON.parse(glb.subarray(20, 20 + jsonLength).toString('utf8')) as Vrm0Json;
  mutate(json);
  let text = Buffer.from(JSON.stringify(json), 'utf8');
  if (text.length % 4) text = Buffer.concat([text, Buffer.alloc(4 - (text.length % 4), 0x20)]);
  const rest = glb.subarray(20 + jsonLength);
  const header = Buffer.alloc(20);
  header.write('glTF', 0, 'ascii');
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(20 + text.length + rest.length, 8);
  header.writeUInt32LE(text.length, 12);
  header.write('JSON', 16, 'ascii');
  return Buffer.concat([header, text, rest]);
}

/** A VRM 0.x avatar whose skeleton has no hips: the server refuses it. */
export function withoutHips(glb: Buffer): Buffer {
  return mutateGlb(glb, (json) => {
    const humanoid = json.extensions.VRM.humanoid;
    humanoid.humanBones = humanoid.humanBones.filter((b) => b.bone !== 'hips');
  });
}

/** A VRM 0.x avatar whose mouth shapes are gone: the server stores it, flagged as having no lip-sync. */
export function withoutMouthShapes(glb: Buffer): Buffer {
  return mutateGlb(glb, (json) => {
    const master = json.extensions.VRM.blendShapeMaster;
    master.blendShapeGroups = master.blendShapeGroups.filter(
      (g) => !['a', 'i', 'u', 'e', 'o'].includes(g.presetName.toLowerCase()),
    );
  });
}

/** A VRM 0.x avatar renamed `title` whose licence prohibits redistribution: usable by its uploader only, never approvable. */
export function withRedistributionProhibited(glb: Buffer, title: string): Buffer {
  return mutateGlb(glb, (json) => {
    const meta = (json.extensions.VRM as unknown as { meta: Record<string, unknown> }).meta;
    Object.assign(meta, { title, licenseName: 'Redistribution_Prohibited', otherLicenseUrl: '' });
  });
}
