// Dev-only page (client/preview.html): builds the stage, loads a default avatar, cycles mouth
// shapes, expressions and gestures, and exposes `__preview` handles for headless visual checks.
// Query: ?avatar=<url> · ?cycle=0 (no auto demo) · ?nohud · ?idleFps=30 · ?aa=0 (no MSAA)
/* eslint-disable no-restricted-imports -- the default avatar files (asset URLs, not code) */
import kotohaUrl from '../../assets/avatars/kotoha.vrm?url';
import haruUrl from '../../assets/avatars/haru.vrm?url';
import soraUrl from '../../assets/avatars/sora.vrm?url';
/* eslint-enable no-restricted-imports */
import {
  EXPRESSIONS,
  GESTURES,
  VISEMES,
  type Expression,
  type Gesture,
  type Utterance,
  type VisemeKeyframe,
} from '@shared';
import * as sceneApi from './scene';
import { createStage, loadAvatar, type Avatar } from './scene';
import { AvatarRuntime, directionFor } from './avatar';

const AVATARS: Record<string, string> = { kotoha: kotohaUrl, haru: haruUrl, sora: soraUrl };
const params = new URLSearchParams(location.search);
const canvas = document.getElementById('stage') as HTMLCanvasElement;
const progress = document.getElementById('progress') as HTMLProgressElement;
const status = document.getElementById('status') as HTMLSpanElement;
const hud = document.getElementById('hud') as HTMLDivElement;
if (params.has('nohud')) hud.classList.add('hidden');

const stage = createStage(canvas, {
  idleFps: Number(params.get('idleFps') ?? 30),
  antialias: params.get('aa') !== '0',
});
const pageStart = performance.now();
const timings: Record<string, number> = {};
let runtime: AvatarRuntime | null = null;
let stopFrames = (): void => {};
let frozen = false;

/** Loads an avatar, measures load → first frame, and (re)builds its runtime. */
async function show(url: string): Promise<AvatarRuntime> {
  const t0 = performance.now();
  const phases: Partial<sceneApi.LoadTimings> = {};
  const avatar: Avatar = await loadAvatar(
    stage,
    url,
    (f, phase) => {
      progress.value = f;
      status.textContent = phase;
    },
    { timings: phases },
  );
  Object.assign(timings, Object.fromEntries(Object.entries(phases).map(([k, v]) => [`phase_${k}`, v])));
  timings.load = performance.now() - t0;
  stopFrames();
  runtime?.dispose();
  const rt = new AvatarRuntime(avatar, { camera: stage.camera });
  runtime = rt;
  const off = stage.onFrame((dt) => {
    if (!frozen) rt.update(dt);
  });
  const offActive = stage.loop.addActivitySource(() => rt.isActive);
  stopFrames = () => {
    off();
    offActive();
  };
  await new Promise<void>((resolve) => stage.scene.onAfterRenderObservable.addOnce(() => resolve()));
  timings.firstFrame = performance.now() - t0;
  timings.sincePageStart = performance.now() - pageStart;
  status.textContent = `${avatar.description.title || 'avatar'} · load ${timings.load.toFixed(0)} ms · first frame ${timings.firstFrame.toFixed(0)} ms`;
  return rt;
}

let seq = 0;
/** A synthetic spoken line: a viseme every ~110 ms through A I U E O, starting shortly. */
function demoLine(expression: Expression, gesture?: Gesture, durationMs = 2600): Utterance {
  const visemes: VisemeKeyframe[] = [];
  for (let t = 0, i = 0; t < durationMs - 300; t += 110 + (i % 3) * 30, i++) {
    visemes.push([t, VISEMES[(i * 3 + seq) % VISEMES.length], 0.55 + (0.45 * ((i * 7) % 5)) / 4]);
    if (i % 6 === 5) visemes.push([t + 60, 'A', 0]);
  }
  visemes.push([durationMs - 250, 'A', 0]);
  return {
    turnId: 'demo',
    seq: seq++,
    text: '…',
    expression,
    gesture,
    audioUrl: '',
    durationMs,
    visemes,
    startAt: Date.now() + 50,
  };
}

let cycleIndex = 0;
function cycleOnce(): void {
  const expression = EXPRESSIONS[cycleIndex % EXPRESSIONS.length];
  const gesture = cycleIndex % 2 === 1 ? GESTURES[(cycleIndex >> 1) % GESTURES.length] : undefined;
  runtime?.play(demoLine(expression, gesture));
  cycleIndex++;
}

function button(label: string, onClick: () => void): void {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', onClick);
  hud.appendChild(b);
}

function buildHud(): void {
  hud.appendChild(document.createElement('br'));
  for (const id of Object.keys(AVATARS)) button(id, () => void show(AVATARS[id]));
  hud.appendChild(document.createElement('br'));
  for (const e of EXPRESSIONS) button(e, () => runtime?.setExpression(e));
  hud.appendChild(document.createElement('br'));
  for (const g of GESTURES) button(g, () => runtime?.gesture(g));
  hud.appendChild(document.createElement('br'));
  button('speak', () => runtime?.play(demoLine(runtime.expression.current)));
  button('interrupt', () => runtime?.interrupt());
  button('look at me', () => runtime?.lookAt.setTarget({ kind: 'camera' }));
  button('look away', () =>
    runtime?.lookAt.setTarget({ kind: 'direction', ...directionFor(String(Math.random())) }),
  );
}

buildHud();
const ready = show(params.get('avatar') ?? kotohaUrl);
if (params.get('cycle') !== '0')
  void ready.then(() => {
    cycleOnce();
    setInterval(() => {
      if (!frozen) cycleOnce();
    }, 4000);
  });

/** Visual-check handles for the headless harness. */
const api = {
  stage,
  ready,
  timings,
  show,
  sceneApi,
  avatars: AVATARS,
  demoLine,
  get runtime() {
    return runtime;
  },
  /** Stops runtime updates (and the demo); `face`/`step` then give deterministic frames. */
  freeze(on = true) {
    frozen = on;
    if (on) runtime?.interrupt();
  },
  /** Sets expression weights (canonical names: a i u e o blink joy angry sorrow fun surprised lookleft…) and renders. */
  face(weights: Record<string, number>) {
    if (!runtime) return;
    for (const [name, value] of Object.entries(weights)) runtime.face.set(name, value);
    runtime.face.apply();
    stage.wake(500);
  },
  /** Advances the runtime by `seconds` in fixed steps (gestures, settled poses) while frozen. */
  step(seconds: number, fps = 30) {
    if (!runtime) return;
    for (let t = 0; t < seconds; t += 1 / fps) runtime.update(1 / fps);
    stage.wake(500);
  },
};
Object.assign(globalThis, { __preview: api });
