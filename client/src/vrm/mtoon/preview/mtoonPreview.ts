// Dev-only page (client/mtoon.html): loads one VRM with the MToon extensions and shows it two ways,
// the file as authored ('file') and a row of lit spheres, one per MToon material of the file next
// to a Lambert reference ('spheres'). A single white light comes from screen-left, so a sphere's
// shading runs left to right. `window.__mtoon` drives it for the browser test.
// Query: ?file=<url of a .vrm> · ?view=file|spheres · ?hemi=<fill intensity>
import { Engine } from '@babylonjs/core/Engines/engine';
import { Scene } from '@babylonjs/core/scene';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { AppendSceneAsync, SceneLoader } from '@babylonjs/core/Loading/sceneLoader';
import { RegisterGLTF2Loader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import { RegisterGLTFFileLoader } from '@babylonjs/loaders/glTF/glTFFileLoader.pure';
import { RegisterKHR_materials_unlit } from '@babylonjs/loaders/glTF/2.0/Extensions/KHR_materials_unlit.pure';
import { RegisterKHR_texture_transform } from '@babylonjs/loaders/glTF/2.0/Extensions/KHR_texture_transform.pure';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { registerMToonExtensions, MToonMaterial, mtoonSceneState } from '../index';
import { buildSphereRow, frameBox, type SphereInfo } from './previewLayout';

/** What the page reports to the test. */
export interface MToonPreviewInfo {
  file: string;
  /** Load start → every mesh of the file drawable (shaders compiled), ms. */
  loadMs: number;
  compileMs: number;
  /** Distinct MToon programs compiled (defines combinations). */
  mtoonVariants: number;
  parallelShaderCompile: boolean;
  materials: number;
  spheres: SphereInfo[];
  width: number;
  height: number;
}

const params = new URLSearchParams(location.search);
const canvas = document.getElementById('stage') as HTMLCanvasElement;
const engine = new Engine(canvas, false, { preserveDrawingBuffer: true, stencil: false }, false);
const scene = new Scene(engine);
scene.clearColor = new Color4(0.8, 0.8, 0.8, 1);
const camera = new FreeCamera('camera', new Vector3(0, 0, -5), scene);
camera.fov = 0.6;
const key = new DirectionalLight('key', new Vector3(1, 0, 0), scene);
key.diffuse = Color3.White();
key.intensity = 1;
const hemi = Number(params.get('hemi') ?? 0);
if (hemi > 0) new HemisphericLight('fill', new Vector3(0, 1, 0), scene).intensity = hemi;
SceneLoader.ShowLoadingScreen = false;
const clock = mtoonSceneState(scene);
clock.paused = true;

RegisterGLTFFileLoader();
RegisterGLTF2Loader();
RegisterKHR_materials_unlit();
RegisterKHR_texture_transform();
registerMToonExtensions();

async function start(file: string): Promise<MToonPreviewInfo> {
  const t0 = performance.now();
  const before = new Set(scene.meshes);
  let vrm1 = false;
  await AppendSceneAsync(file, scene, {
    pluginExtension: '.glb',
    pluginOptions: {
      gltf: {
        onParsed: (data) =>
          void (vrm1 = !!(data.json as { extensions?: object }).extensions?.['VRMC_vrm' as never]),
      },
    },
  });
  const loaded = performance.now();
  faceTheCamera(
    scene.meshes.filter((m) => !before.has(m) && m.name === '__root__'),
    vrm1,
  );
  const fileMeshes = scene.meshes.filter((m) => !before.has(m) && m.getTotalVertices() > 0);
  await whenReady(fileMeshes);
  const ready = performance.now();
  const mtoon = scene.materials.filter((m): m is MToonMaterial => m instanceof MToonMaterial && !m.isOutline);
  const row = buildSphereRow(scene, mtoon);
  await whenReady(row.meshes);
  const views = {
    file: () => show(fileMeshes, row.meshes),
    spheres: () => show(row.meshes, fileMeshes),
  };
  const info: MToonPreviewInfo = {
    file,
    loadMs: ready - t0,
    compileMs: ready - loaded,
    mtoonVariants: Object.keys((engine as unknown as { _compiledEffects: object })._compiledEffects).filter(
      (k) => k.startsWith('kotodamaMToon'),
    ).length,
    parallelShaderCompile: !!engine.getCaps().parallelShaderCompile,
    materials: mtoon.length,
    spheres: [],
    width: engine.getRenderWidth(),
    height: engine.getRenderHeight(),
  };
  Object.assign(window, {
    __mtoon: {
      scene,
      info,
      /** Switches the view and renders one frame; resolves with the sphere layout in pixels. */
      show(view: keyof typeof views): SphereInfo[] {
        views[view]();
        scene.render();
        return view === 'spheres' ? row.project(camera, key.direction) : [];
      },
      /** Screen rectangles (pixels) of the file's meshes by name, in the current view. */
      meshRects: () => meshRects(fileMeshes),
      /** Sets the UV animation clock (seconds) and renders one frame. */
      setTime(seconds: number): void {
        clock.seconds = seconds;
        scene.render();
      },
    },
  });
  views[(params.get('view') as keyof typeof views) ?? 'spheres']?.();
  scene.render();
  info.spheres = row.project(camera, key.direction);
  return info;
}

/** VRM 1.0 faces +Z, away from this camera (VRM 0.x faces -Z): turn 1.0 files around. */
function faceTheCamera(roots: AbstractMesh[], vrm1: boolean): void {
  if (vrm1) for (const root of roots) root.rotate(Vector3.Up(), Math.PI);
}

function meshRects(
  meshes: AbstractMesh[],
): Record<string, { x0: number; y0: number; x1: number; y1: number }> {
  const viewport = camera.viewport.toGlobal(engine.getRenderWidth(), engine.getRenderHeight());
  const out: Record<string, { x0: number; y0: number; x1: number; y1: number }> = {};
  for (const m of meshes) {
    const corners = m
      .getBoundingInfo()
      .boundingBox.vectorsWorld.map((v) =>
        Vector3.Project(v, Matrix.IdentityReadOnly, scene.getTransformMatrix(), viewport),
      );
    const xs = corners.map((c) => c.x);
    const ys = corners.map((c) => c.y);
    out[m.name] = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  }
  return out;
}

function show(visible: AbstractMesh[], hidden: AbstractMesh[]): void {
  for (const m of hidden) m.isVisible = false;
  for (const m of visible) m.isVisible = true;
  frameBox(camera, visible, engine.getAspectRatio(camera));
}

async function whenReady(meshes: AbstractMesh[]): Promise<void> {
  while (!meshes.every((m) => m.isReady(true))) await new Promise((r) => setTimeout(r, 8));
}

const file = params.get('file');
const done = file ? start(file) : Promise.reject(new Error('Pass ?file=<url of a .vrm>.'));
Object.assign(window, { __mtoonReady: done });
done.catch((err: Error) => {
  document.body.dataset.error = err.message;
  console.error(`MToon preview: ${err.message}`);
});
