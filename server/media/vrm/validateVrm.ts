/**
 * The VRM upload validator: decides whether a file is safe and usable as an avatar, and
 * reports what it contains. Pure and synchronous; checks run cheapest and most explanatory
 * first, so a plain glTF hears "not a VRM" before any detail about its buffers.
 */
import { checkAccessors } from './accessors';
import { resolveBufferViews } from './bufferViews';
import { refuse } from './errors';
import { readExpressions } from './expressions';
import { readGlbContainer } from './glbContainer';
import { readHumanBones } from './humanoid';
import { checkImages } from './images';
import { asObject, asString, field, listOf } from './jsonAccess';
import { type JsonObject, parseJsonChunk } from './jsonChunk';
import { summariseLicence } from './licence';
import { resolveVrmLimits, type VrmLimits } from './limits';
import { checkMaterialTextures } from './materials';
import { checkMeshes } from './meshes';
import { checkNodeTree } from './nodeTree';
import { readThumbnail } from './thumbnail';
import { type VrmValidationResult, type VrmVersion } from './types';
import { readVrm0Meta, readVrm1Meta } from './vrmMeta';
import { checkVrmReferences } from './vrmReferences';

/**
 * Validates an uploaded VRM file. Throws `VrmValidationError` (with a stable `code`) for any
 * unsafe or unusable file, and nothing else for any bytes; a RangeError only for invalid limits.
 * @example const avatar = validateVrm(new Uint8Array(await file.arrayBuffer()), { maxFileBytes: 20 * 1024 * 1024 });
 */
export function validateVrm(bytes: Uint8Array, limits?: Partial<VrmLimits>): VrmValidationResult {
  const resolved = resolveVrmLimits(limits);
  if (!(bytes instanceof Uint8Array))
    refuse('not_glb', 'No file data was received. Choose the .vrm file your exporter wrote.');
  const { json, bin } = readGlbContainer(bytes, resolved);
  const gltf = parseJsonChunk(json, resolved);
  checkAssetVersion(gltf);
  const { version, vrm } = findVrmExtension(gltf);
  const nodeCount = checkNodeTree(gltf, listOf(gltf, 'accessors').length, resolved);
  const bones = readHumanBones(vrm, version, nodeCount);
  const views = resolveBufferViews(gltf, bin);
  const accessors = checkAccessors(gltf, views, resolved);
  const meshes = checkMeshes(gltf, accessors.counts, resolved);
  const images = checkImages(gltf, views, bin, resolved);
  checkMaterialTextures(gltf, version === '0.x' ? vrm : undefined);
  checkVrmReferences(gltf, vrm, version, { nodes: nodeCount, meshes: meshes.meshes });
  const nodeMeshes = listOf(gltf, 'nodes').map((node) => field(asObject(node), 'mesh') as number | undefined);
  const materialCount = listOf(gltf, 'materials').length;
  const expressions = readExpressions(vrm, version, {
    targetsPerMesh: meshes.targetsPerMesh,
    nodeMeshes,
    materialCount,
  });
  const meta = version === '0.x' ? readVrm0Meta(vrm) : readVrm1Meta(vrm);
  const thumbnail = readThumbnail(gltf, vrm, version, images);
  return {
    vrmVersion: version,
    title: (meta.spec === '0.x' ? meta.title : meta.name) ?? '',
    author: meta.spec === '0.x' ? (meta.author ?? '') : meta.authors.join(', '),
    bones,
    ...expressions,
    licence: summariseLicence(meta),
    counts: {
      fileBytes: bytes.byteLength,
      jsonBytes: json.byteLength,
      binBytes: bin?.byteLength ?? 0,
      nodes: nodeCount,
      meshes: meshes.meshes,
      primitives: meshes.primitives,
      vertices: meshes.vertices,
      morphTargets: meshes.morphTargets,
      materials: materialCount,
      textures: listOf(gltf, 'textures').length,
      images: images.length,
      accessorBytes: accessors.decodedBytes,
      largestTexture: images.reduce((most, image) => Math.max(most, image.width, image.height), 0),
    },
    ...(thumbnail ? { thumbnail } : {}),
  };
}

/** glTF 1.0 and other versions are laid out differently; loaders refuse them. */
function checkAssetVersion(gltf: JsonObject): void {
  const version = asString(field(asObject(field(gltf, 'asset')), 'version'));
  if (version === undefined) {
    refuse(
      'unsupported_version',
      'The file does not state its glTF version. Re-export it with a current VRM exporter.',
    );
  }
  if (!/^2\.\d+$/.test(version)) {
    refuse(
      'unsupported_version',
      `The file is glTF ${version.slice(0, 20)}; VRM needs glTF 2.0. Re-export it with a current VRM exporter.`,
      { version: version.slice(0, 20) },
    );
  }
}

/** VRM 1.0 wins when a converted file carries both extensions, as three-vrm does. */
function findVrmExtension(gltf: JsonObject): { version: VrmVersion; vrm: JsonObject } {
  const extensions = asObject(field(gltf, 'extensions'));
  const vrm1 = asObject(field(extensions, 'VRMC_vrm'));
  if (vrm1) return { version: '1.0', vrm: vrm1 };
  const vrm0 = asObject(field(extensions, 'VRM'));
  if (vrm0) return { version: '0.x', vrm: vrm0 };
  refuse(
    'not_vrm',
    'This is a glTF model but not a VRM avatar (it has no VRM extension). Convert it to VRM with VRoid Studio, UniVRM or the VRM Add-on for Blender.',
  );
}
