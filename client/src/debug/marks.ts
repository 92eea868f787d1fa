/** Performance marks the room page sets, read by bench/client-load.ts through the Performance API. */
export const MARKS = {
  /** The avatar file is downloaded, parsed and on stage. */
  avatarLoaded: 'kotodama:avatar-loaded',
  /** The first frame with the avatar has been rendered. */
  avatarFirstFrame: 'kotodama:avatar-first-frame',
  /** The room was joined. */
  joined: 'kotodama:joined',
} as const;

/** Prefix of the measures of the first avatar load's phases (download, plugins, parse, compile). */
export const PHASE_MEASURE_PREFIX = 'kotodama:avatar-';

/**
 * Records the first avatar load's phases as performance measures ending now, back to back,
 * so the bench can say where the time to the first frame goes.
 */
export function measurePhasesOnce(
  phases: Partial<Record<'download' | 'plugins' | 'parse' | 'compile', number>>,
): void {
  if (performance.getEntriesByName(`${PHASE_MEASURE_PREFIX}download`, 'measure').length > 0) return;
  let end = performance.now();
  for (const name of ['compile', 'parse', 'plugins', 'download'] as const) {
    const ms = phases[name];
    if (ms === undefined) continue;
    performance.measure(`${PHASE_MEASURE_PREFIX}${name}`, { start: end - ms, end });
    end -= ms;
  }
}

/** Sets a mark once (later calls are ignored, so a character switch does not skew the figures). */
export function markOnce(name: (typeof MARKS)[keyof typeof MARKS]): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
