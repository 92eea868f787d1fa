// Dev-only page: builds the stage, loads an avatar and exposes handles for visual checks.
// eslint-disable-next-line no-restricted-imports -- the default avatar file (an asset URL, not code)
import defaultAvatarUrl from '../../assets/avatars/kotoha.vrm?url';
import * as sceneApi from './scene';
import { createStage, loadAvatar, type Avatar } from './scene';
import { AvatarRuntime } from './avatar';

const params = new URLSearchParams(location.search);
const canvas = document.getElementById('stage') as HTMLCanvasElement;
const progress = document.getElementById('progress') as HTMLProgressElement;
const status = document.getElementById('status') as HTMLSpanElement;
if (params.has('nohud')) document.getElementById('hud')!.classList.add('hidden');

const stage = createStage(canvas, { idleFps: Number(params.get('idleFps') ?? 30) });
const started = performance.now();
const timings: Record<string, number> = {};

async function show(url: string): Promise<Avatar> {
  const t0 = performance.now();
  const avatar = await loadAvatar(stage, url, (f, phase) => { progress.value = f; status.textContent = phase; });
  timings.load = performance.now() - t0;
  await new Promise<void>((resolve) => stage.scene.onAfterRenderObservable.addOnce(() => resolve()));
  timings.firstFrame = performance.now() - t0;
  timings.sincePageStart = performance.now() - started;
  status.textContent = `${avatar.description.title || 'avatar'} · load ${timings.load.toFixed(0)} ms · first frame ${timings.firstFrame.toFixed(0)} ms`;
  return avatar;
}

let runtime: AvatarRuntime | null = null;
let stopFrames = (): void => {};
let frozen = false;

/** Loads an avatar and (re)builds its runtime. */
async function showWithRuntime(url: string): Promise<AvatarRuntime> {
  stopFrames();
  runtime?.dispose();
  const avatar = await show(url);
  const rt = new AvatarRuntime(avatar, { camera: stage.camera });
  runtime = rt;
  const off = stage.onFrame((dt) => { if (!frozen) rt.update(dt); });
  const offActive = stage.loop.addActivitySource(() => rt.isActive);
  stopFrames = () => { off(); offActive(); };
  return rt;
}

const ready = showWithRuntime(params.get('avatar') ?? defaultAvatarUrl);

/** Visual-check handles: freeze time, set face weights directly, pose, play lines. */
const api = {
  stage, ready, timings, show: showWithRuntime, sceneApi,
  get runtime() { return runtime; },
  /** Stops the runtime's clock; subsequent `face`/`pose` calls render deterministic frames. */
  freeze(on = true) { frozen = on; },
  /** Sets expression weights (canonical names: a i u e o blink joy angry sorrow fun surprised lookleft…) and renders. */
  face(weights: Record<string, number>) {
    if (!runtime) return;
    for (const [name, value] of Object.entries(weights)) runtime.face.set(name, value);
    runtime.face.apply();
    stage.wake(500);
  },
  /** Advances the runtime by `seconds` in fixed steps (for gestures and settled poses while frozen). */
  step(seconds: number, fps = 30) {
    if (!runtime) return;
    for (let t = 0; t < seconds; t += 1 / fps) runtime.update(1 / fps);
    stage.wake(500);
  },
};
Object.assign(globalThis, { __preview: api });
