import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Scene } from '@babylonjs/core/scene';
import { attachMToonOutline } from '../attachMToonOutline';
import type { MToonMaterial } from '../MToonMaterial';

/** One sphere of the row, in screen pixels, with the parameters its look follows from. */
export interface SphereInfo {
  material: string;
  kind: 'mtoon' | 'lambert';
  renderMode: string;
  shadingToony: number;
  shadingShift: number;
  outlineWidthMode: string;
  outlineWidth: number;
  /** Base colour alpha (a transparent material at 0 draws nothing). */
  alpha: number;
  /** The outline colour, sRGB-encoded 0–255. */
  outlineColor: [number, number, number];
  cx: number;
  cy: number;
  radius: number;
  pxPerMetre: number;
  /** The centre row, ray-cast against the sphere: per pixel from x0, N·L and N·V (NaN off the sphere). */
  row: { y: number; x0: number; ndotl: number[]; ndotv: number[] };
}

const SPACING = 1.4;
const RADIUS = 0.5;

/** A row of unit spheres: a Lambert reference, then one per MToon material (outlined where the material says). */
export function buildSphereRow(scene: Scene, materials: MToonMaterial[]) {
  const lambert = new StandardMaterial('lambert reference', scene);
  lambert.diffuseColor = new Color3(0.8, 0.8, 0.8);
  lambert.specularColor = Color3.Black();
  const entries: { mesh: Mesh; material: MToonMaterial | null }[] = [null, ...materials].map(
    (material, i) => {
      const mesh = CreateSphere(`sphere ${i}`, { diameter: RADIUS * 2, segments: 64 }, scene);
      mesh.position.set(i * SPACING, 0, 0);
      // One UV for the whole sphere: textures give a constant colour, so only lighting varies.
      mesh.setVerticesData('uv', new Float32Array(mesh.getTotalVertices() * 2).fill(0.05));
      mesh.material = material ?? lambert;
      if (material) attachMToonOutline(mesh, material);
      return { mesh, material };
    },
  );
  return {
    meshes: entries.map((e) => e.mesh as AbstractMesh),
    project(camera: FreeCamera, lightDirection: Vector3): SphereInfo[] {
      const engine = scene.getEngine();
      const viewport = camera.viewport.toGlobal(engine.getRenderWidth(), engine.getRenderHeight());
      const transform = scene.getTransformMatrix();
      const toScreen = (p: Vector3) => Vector3.Project(p, Matrix.IdentityReadOnly, transform, viewport);
      return entries.map(({ mesh, material: m }) => {
        const centre = toScreen(mesh.position);
        const edge = toScreen(mesh.position.add(new Vector3(RADIUS, 0, 0)));
        const radius = Math.abs(edge.x - centre.x);
        const row = sampleRow(camera, mesh.position, centre, radius, lightDirection);
        return {
          material: m?.name ?? 'lambert reference',
          kind: m ? 'mtoon' : 'lambert',
          renderMode: m?.renderMode ?? 'opaque',
          shadingToony: m?.shadingToony ?? 0,
          shadingShift: m?.shadingShift ?? 0,
          outlineWidthMode: m?.outlineWidthMode ?? 'none',
          outlineWidth: m?.outlineWidth ?? 0,
          alpha: m?.baseColor.a ?? 1,
          outlineColor: (m ? [m.outlineColor.r, m.outlineColor.g, m.outlineColor.b] : [0, 0, 0]).map((c) =>
            Math.round(255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055)),
          ) as [number, number, number],
          row,
          cx: centre.x,
          cy: centre.y,
          radius,
          pxPerMetre: radius / RADIUS,
        };
      });
    },
  };
}

/** Casts a ray through each pixel of the sphere's centre row and reports N·L and N·V where it hits. */
function sampleRow(
  camera: FreeCamera,
  position: Vector3,
  centre: Vector3,
  radius: number,
  lightDirection: Vector3,
) {
  const scene = camera.getScene();
  const engine = scene.getEngine();
  const [w, h] = [engine.getRenderWidth(), engine.getRenderHeight()];
  const view = camera.getViewMatrix();
  const projection = camera.getProjectionMatrix();
  const toLight = lightDirection.normalizeToNew().scale(-1);
  const y = Math.round(centre.y);
  const x0 = Math.floor(centre.x - radius * 1.3);
  const ndotl: number[] = [];
  const ndotv: number[] = [];
  for (let x = x0; x <= centre.x + radius * 1.3; x++) {
    const near = Vector3.Unproject(
      new Vector3(x + 0.5, y + 0.5, 0),
      w,
      h,
      Matrix.IdentityReadOnly,
      view,
      projection,
    );
    const far = Vector3.Unproject(
      new Vector3(x + 0.5, y + 0.5, 1),
      w,
      h,
      Matrix.IdentityReadOnly,
      view,
      projection,
    );
    const dir = far.subtract(near).normalize();
    const oc = near.subtract(position);
    const b = Vector3.Dot(oc, dir);
    const disc = b * b - (oc.lengthSquared() - RADIUS * RADIUS);
    if (disc < 0) {
      ndotl.push(NaN);
      ndotv.push(NaN);
      continue;
    }
    const hit = near.add(dir.scale(-b - Math.sqrt(disc)));
    const n = hit.subtract(position).normalize();
    ndotl.push(Vector3.Dot(n, toLight));
    ndotv.push(-Vector3.Dot(n, dir));
  }
  return { y, x0, ndotl, ndotv };
}

/** Points the camera (looking along +Z) so the meshes' bounding box fills most of the view. */
export function frameBox(camera: FreeCamera, meshes: AbstractMesh[], aspect: number): void {
  const min = new Vector3(Infinity, Infinity, Infinity);
  const max = new Vector3(-Infinity, -Infinity, -Infinity);
  for (const m of meshes) {
    m.computeWorldMatrix(true);
    const box = m.getBoundingInfo().boundingBox;
    min.minimizeInPlace(box.minimumWorld);
    max.maximizeInPlace(box.maximumWorld);
  }
  const centre = min.add(max).scale(0.5);
  const half = max.subtract(min).scale(0.5);
  const tan = Math.tan(camera.fov / 2);
  const distance = Math.max(half.y / tan, half.x / (tan * aspect)) * 1.2 + half.z;
  camera.position.set(centre.x, centre.y, centre.z - distance);
  camera.setTarget(centre);
}
