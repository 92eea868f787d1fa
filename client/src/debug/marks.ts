/** Performance marks the room page sets, read by bench/client-load.ts through the Performance API. */
export const MARKS = {
  /** The avatar file is downloaded, parsed and on stage. */
  avatarLoaded: 'kotodama:avatar-loaded',
  /** The first frame with the avatar has been rendered. */
  avatarFirstFrame: 'kotodama:avatar-first-frame',
  /** The room was joined. */
  joined: 'kotodama:joined',
} as const;

/** Sets a mark once (later calls are ignored, so a character switch does not skew the figures). */
export function markOnce(name: (typeof MARKS)[keyof typeof MARKS]): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
