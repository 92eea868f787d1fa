import { Avatar } from './avatar';
import { readSourceBytes, type AvatarSource } from './fetchBytes';
import { loadVrmIntoScene } from './loadVrm';
import type { Stage } from './stage';

/** Phases reported by `loadAvatar`'s progress callback. */
export type LoadPhase = 'download' | 'parse' | 'ready';

/** Progress callback: overall fraction 0..1 and the current phase. */
export type AvatarProgress = (fraction: number, phase: LoadPhase) => void;

/** Options of `loadAvatar`. */
export interface LoadAvatarOptions {
  /** Put it on stage, replacing (and disposing) the current avatar. Default true. */
  show?: boolean;
  signal?: AbortSignal;
}

/**
 * Downloads (or takes) a VRM, appends it to the stage's scene, waits until it can be drawn,
 * and puts it on stage in place of the previous character, framed. Progress: download 0–0.8,
 * parse 0.8–0.95, ready 1.
 */
export async function loadAvatar(stage: Stage, source: AvatarSource, onProgress?: AvatarProgress, options: LoadAvatarOptions = {}): Promise<Avatar> {
  onProgress?.(0, 'download');
  const bytes = await readSourceBytes(source, (f) => onProgress?.(f * 0.8, 'download'), options.signal);
  options.signal?.throwIfAborted();
  onProgress?.(0.8, 'parse');
  const loaded = await loadVrmIntoScene(stage.scene, bytes, (f) => onProgress?.(0.8 + f * 0.15, 'parse'));
  const avatar = new Avatar(loaded, stage.scene);
  if (options.signal?.aborted) {
    avatar.dispose();
    options.signal.throwIfAborted();
  }
  if (options.show ?? true) stage.setAvatar(avatar);
  await stage.scene.whenReadyAsync();
  onProgress?.(1, 'ready');
  return avatar;
}
