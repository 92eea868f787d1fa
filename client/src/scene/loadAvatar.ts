import { Avatar } from './avatar';
import { readSourceBytes, type AvatarSource } from './fetchBytes';
import { loadVrmIntoScene, loadVrmPlugins } from './loadVrm';
import type { Stage } from './stage';
import { whenMeshesReady } from './whenReady';

/** Phases reported by `loadAvatar`'s progress callback. */
export type LoadPhase = 'download' | 'parse' | 'ready';

/** Progress callback: overall fraction 0..1 and the current phase. */
export type AvatarProgress = (fraction: number, phase: LoadPhase) => void;

/** Milliseconds spent in each phase of one `loadAvatar` call. */
export interface LoadTimings {
  /** Reading the bytes (network or file). */
  download: number;
  /** Waiting for the lazily loaded VRM loader chunk after the download finished. */
  plugins: number;
  /** glTF/VRM parsing and scene building. */
  parse: number;
  /** Shader compilation until every mesh can be drawn. */
  compile: number;
  total: number;
}

/** Options of `loadAvatar`. */
export interface LoadAvatarOptions {
  /** Put it on stage, replacing (and disposing) the current avatar. Default true. */
  show?: boolean;
  signal?: AbortSignal;
  /** Filled with phase timings as the load proceeds (for the page's metrics). */
  timings?: Partial<LoadTimings>;
}

/**
 * Downloads (or takes) a VRM, appends it to the stage's scene hidden, waits until it can be
 * drawn, and puts it on stage in place of the previous character (no blank frame), framed.
 * Progress: download 0–0.8, parse 0.8–0.95, ready 1.
 */
export async function loadAvatar(
  stage: Stage,
  source: AvatarSource,
  onProgress?: AvatarProgress,
  options: LoadAvatarOptions = {},
): Promise<Avatar> {
  const t = options.timings ?? {};
  const started = performance.now();
  let mark = started;
  const lap = (phase: Exclude<keyof LoadTimings, 'total'>): void => {
    const now = performance.now();
    t[phase] = now - mark;
    mark = now;
  };
  onProgress?.(0, 'download');
  const plugins = loadVrmPlugins();
  plugins.catch(() => {});
  const bytes = await readSourceBytes(source, (f) => onProgress?.(f * 0.8, 'download'), options.signal);
  lap('download');
  options.signal?.throwIfAborted();
  onProgress?.(0.8, 'parse');
  await plugins;
  lap('plugins');
  const loaded = await loadVrmIntoScene(stage.scene, bytes, (f) => onProgress?.(0.8 + f * 0.15, 'parse'));
  const avatar = new Avatar(loaded, stage.scene);
  lap('parse');
  await compileHidden(stage, avatar);
  lap('compile');
  t.total = performance.now() - started;
  if (options.signal?.aborted) {
    avatar.dispose();
    options.signal.throwIfAborted();
  }
  if (options.show ?? true) stage.setAvatar(avatar);
  onProgress?.(1, 'ready');
  return avatar;
}

/**
 * Compiles the avatar's shaders while it is hidden, then shows it: the previous character stays
 * on screen until this one can be drawn (disposing it while these shaders compile can leave them
 * never ready on WebGL).
 */
async function compileHidden(stage: Stage, avatar: Avatar): Promise<void> {
  const visible = avatar.meshes.map((m) => m.isVisible);
  for (const m of avatar.meshes) m.isVisible = false;
  try {
    await whenMeshesReady(stage.scene, avatar.meshes);
  } finally {
    avatar.meshes.forEach((m, i) => {
      m.isVisible = visible[i];
    });
  }
}
