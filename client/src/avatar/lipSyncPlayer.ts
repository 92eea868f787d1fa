import { VISEMES, utteranceId, type Utterance } from '@shared';
import type { FaceMixer } from './faceMixer';
import { damp } from './pose';
import { closedMouth, sampleVisemes, type MouthWeights } from './visemeTrack';

/** What the lip-sync player needs from an utterance. */
export type SpokenLine = Pick<Utterance, 'turnId' | 'seq' | 'visemes' | 'startAt' | 'durationMs'>;

/** A 0..1 loudness source, e.g. an AnalyserNode's RMS (used when a line has no viseme track). */
export type AudioLevelSource = () => number;

/** Options of the lip-sync player. */
export interface LipSyncOptions {
  /** Time constant (s) of the mouth closing after `stop()` or the end (default 0.03). */
  releaseSeconds?: number;
  /** Audio fallback: level below this is silence (default 0.04); gain after the gate (default 1.6). */
  audioGate?: number;
  audioGain?: number;
}

interface Scheduled {
  id: string;
  line: SpokenLine;
  audio?: AudioLevelSource;
}

/**
 * Plays utterances' viseme tracks on the face at the server time they were scheduled for.
 * `now()` is the server clock (ms); a late joiner's `play` starts mid-sentence. Lines are queued
 * by `startAt`; `stop()` (interrupt) closes the mouth at once. Without a track, an audio level
 * source drives "A". `weights` are the mouth weights of the last update.
 */
export class LipSyncPlayer {
  /** Mouth weights written on the last update (A, I, U, E, O), for debugging and tests. */
  readonly weights: MouthWeights = closedMouth();
  private queue: Scheduled[] = [];
  private readonly target = closedMouth();
  private audioOpen = 0;
  private readonly release: number;
  private readonly gate: number;
  private readonly gain: number;

  constructor(
    private readonly face: FaceMixer,
    private readonly now: () => number,
    options: LipSyncOptions = {},
  ) {
    this.release = options.releaseSeconds ?? 0.03;
    this.gate = options.audioGate ?? 0.04;
    this.gain = options.audioGain ?? 1.6;
  }

  /** Schedules a line (ignored if the same turnId:seq is already queued). */
  play(line: SpokenLine, audio?: AudioLevelSource): void {
    const id = utteranceId(line);
    if (this.queue.some((s) => s.id === id)) return;
    const track = [...line.visemes].sort((a, b) => a[0] - b[0]);
    this.queue.push({ id, line: { ...line, visemes: track }, audio });
    this.queue.sort((a, b) => a.line.startAt - b.line.startAt);
  }

  /** Interrupt: drops every queued line (or only those of `turnId`); the mouth closes right away. */
  stop(turnId?: string): void {
    this.queue = turnId === undefined ? [] : this.queue.filter((s) => s.line.turnId !== turnId);
  }

  /** True while a line is playing now. */
  get isSpeaking(): boolean {
    return this.current(this.now()) !== null;
  }

  /** True while lines are playing or waiting to start. */
  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Samples the current line and writes a/i/u/e/o to the face. */
  update(dt: number): void {
    const now = this.now();
    this.queue = this.queue.filter((s) => now < s.line.startAt + s.line.durationMs);
    const playing = this.current(now);
    if (playing && playing.line.visemes.length > 0) {
      sampleVisemes(playing.line.visemes, now - playing.line.startAt, this.target);
      this.audioOpen = 0;
    } else if (playing?.audio) {
      const level = Math.max(0, (playing.audio() - this.gate) / (1 - this.gate));
      const open = Math.min(1, Math.pow(level, 0.6) * this.gain);
      this.audioOpen = damp(this.audioOpen, open, open > this.audioOpen ? 0.03 : 0.09, dt);
      Object.assign(this.target, closedMouth(), { A: this.audioOpen });
    } else {
      this.audioOpen = 0;
      Object.assign(this.target, closedMouth());
    }
    for (const v of VISEMES) {
      // Track-driven weights are exact; closing after stop/end is quick but not a jump.
      this.weights[v] = playing ? this.target[v] : damp(this.weights[v], 0, this.release, dt);
      if (this.weights[v] < 1e-3) this.weights[v] = 0;
      this.face.set(v.toLowerCase(), this.weights[v]);
    }
  }

  /** Clears the queue and closes the mouth immediately. */
  dispose(): void {
    this.queue = [];
    for (const v of VISEMES) {
      this.weights[v] = 0;
      this.face.set(v.toLowerCase(), 0);
    }
  }

  private current(now: number): Scheduled | null {
    let found: Scheduled | null = null;
    for (const s of this.queue)
      if (s.line.startAt <= now && now < s.line.startAt + s.line.durationMs) found = s;
    return found;
  }
}
