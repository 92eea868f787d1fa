/**
 * The viseme analysis off the event loop: a small pool of worker threads running
 * `computeVisemeTrack`, so the rooms keep answering while a sentence is analysed (15–30 ms of
 * CPU each). PCM in a SharedArrayBuffer (what `decodeWav` returns) is shared with the worker;
 * other PCM is copied once and the copy transferred, so the caller's array is never detached.
 * If a worker cannot start or dies, analysis runs in the calling thread from then on (logged once).
 */
import { threadId as callerThreadId, Worker } from 'node:worker_threads';
import { type VisemeKeyframe } from '@shared';
import { computeVisemeTrack, type VisemeTrackInput } from '../lipsync/computeVisemeTrack';

/** Where the analyzer reports that it fell back to the calling thread (a pino logger fits). */
export interface VisemeAnalyzerLog {
  warn(details: object, message: string): void;
}

/** Settings of the viseme worker pool. */
export interface VisemeAnalyzerOptions {
  /** Worker threads (each ~30 MB). Default 1: one holds ~100 sentences a second. */
  poolSize?: number;
  /** Told once when the workers cannot be used and analysis moves to the calling thread. */
  log?: VisemeAnalyzerLog;
  /** A worker that has not loaded within this many ms counts as failed (default 30 s). */
  startTimeoutMs?: number;
  /** The worker script (a test seam; default `visemeWorker.mjs`). */
  entry?: URL;
}

/** One analysis and the thread that ran it (`threadId`, 0 = the main thread). */
export interface VisemeAnalysis {
  visemes: VisemeKeyframe[];
  threadId: number;
}

interface Pending {
  input: VisemeTrackInput;
  resolve: (a: VisemeAnalysis) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  ready: Promise<boolean>;
  up: boolean;
  pending: Map<number, Pending>;
}
type Reply =
  | { ready: boolean; message?: string }
  | { id: number; ok: boolean; visemes?: VisemeKeyframe[]; threadId?: number; message?: string };

/** Computes viseme tracks in worker threads (`analyze`), falling back to this thread if it must. */
export class VisemeAnalyzer {
  private readonly slots: (Slot | undefined)[];
  private readonly entry: URL;
  private nextId = 1;
  private fallenBack = false;
  private closed = false;

  constructor(private readonly options: VisemeAnalyzerOptions = {}) {
    this.slots = new Array(Math.max(1, Math.floor(options.poolSize ?? 1))).fill(undefined);
    this.entry = options.entry ?? new URL('./visemeWorker.mjs', import.meta.url);
  }

  /**
   * The keyframes `computeVisemeTrack(input)` gives, computed in a worker thread — or in this
   * one while the workers are still loading (never waits for them), or if they cannot run.
   */
  async analyze(input: VisemeTrackInput): Promise<VisemeKeyframe[]> {
    return (await this.analyzeTraced(input)).visemes;
  }

  /** As `analyze`, and which thread did the work (for tests and diagnostics). */
  async analyzeTraced(input: VisemeTrackInput): Promise<VisemeAnalysis> {
    const slot = this.leastBusyRunning();
    if (!slot) return inThisThread(input);
    const id = this.nextId++;
    const { message, transfer } = toMessage(id, input);
    return new Promise((resolve, reject) => {
      slot.worker.postMessage(message, transfer); // first: if the input cannot be cloned, nothing is left pending
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { input, resolve, reject });
    });
  }

  /** Start every worker now rather than on the first sentence (never rejects). */
  async warmUp(): Promise<void> {
    await Promise.all(this.slots.map((_, i) => this.slotAt(i)?.ready));
  }

  /** Stop the workers; calls in flight finish in this thread, later ones run here too. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0, this.slots.length, ...this.slots.map(() => undefined));
    await Promise.all(slots.map((slot) => slot?.worker.terminate()));
  }

  /** The least busy worker that has loaded (starting any that are missing), if any. */
  private leastBusyRunning(): Slot | undefined {
    let best: Slot | undefined;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slotAt(i);
      if (slot?.up && (!best || slot.pending.size < best.pending.size)) best = slot;
    }
    return best;
  }

  /** The worker at `index`, started if need be; undefined once analysis runs in this thread. */
  private slotAt(index: number): Slot | undefined {
    if (this.fallenBack || this.closed) return undefined;
    return (this.slots[index] ??= this.spawn(index));
  }

  private spawn(index: number): Slot | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.entry);
    } catch (error) {
      this.fallBack(error);
      return undefined;
    }
    worker.unref();
    const pending = new Map<number, Pending>();
    const ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        resolve(false);
        this.fallBack(
          new Error(`the viseme worker did not start within ${this.options.startTimeoutMs ?? 30_000} ms`),
        );
      }, this.options.startTimeoutMs ?? 30_000);
      timer.unref();
      worker.on('message', (reply: Reply) => {
        if ('ready' in reply) {
          clearTimeout(timer);
          slot.up = reply.ready;
          resolve(reply.ready);
          if (!reply.ready) this.fallBack(new Error(reply.message ?? 'the viseme worker could not load'));
        } else {
          this.settle(slot, reply);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        slot.up = false;
        resolve(false);
        this.fallBack(error);
      });
      worker.on('exit', (code) => {
        clearTimeout(timer);
        slot.up = false;
        resolve(false);
        if (this.slots[index] === slot)
          this.fallBack(new Error(`the viseme worker exited with code ${code}`));
        this.finishHere(slot);
      });
    });
    const slot: Slot = { worker, ready, up: false, pending };
    return slot;
  }

  private settle(slot: Slot, reply: Extract<Reply, { id: number }>): void {
    const entry = slot.pending.get(reply.id);
    if (!entry) return;
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) slot.worker.unref();
    if (reply.ok) entry.resolve({ visemes: reply.visemes ?? [], threadId: reply.threadId ?? -1 });
    else entry.reject(new Error(`Viseme analysis failed: ${reply.message}`));
  }

  /** Answer a gone worker's calls in this thread. */
  private finishHere(slot: Slot): void {
    for (const { input, resolve, reject } of slot.pending.values()) {
      try {
        resolve(inThisThread(input));
      } catch (error) {
        reject(error as Error);
      }
    }
    slot.pending.clear();
  }

  /** From now on analyse in this thread; say so once (not when the pool was merely closed). */
  private fallBack(error: unknown): void {
    if (this.fallenBack || this.closed) return;
    this.fallenBack = true;
    this.options.log?.warn(
      { err: error },
      'Viseme analysis runs on the main thread: its worker threads could not be used. Rooms may stutter while a sentence is analysed.',
    );
    for (const [i, slot] of this.slots.entries()) {
      this.slots[i] = undefined;
      void slot?.worker.terminate();
    }
  }
}

function inThisThread(input: VisemeTrackInput): VisemeAnalysis {
  return { visemes: computeVisemeTrack(input), threadId: callerThreadId };
}

/**
 * The message for one call: only the analysis' own fields (not, say, a spread speech's audio);
 * shared PCM as it is, other PCM copied (the view's samples only) and the copy moved.
 */
function toMessage(id: number, input: VisemeTrackInput): { message: object; transfer: ArrayBuffer[] } {
  const { sampleRate, text, language, marks, phonemes, audioOnly, maxKeyframesPerSecond } = input;
  const shared = input.pcm.buffer instanceof SharedArrayBuffer;
  const pcm = shared ? input.pcm : input.pcm.slice();
  // Every field named (a new one in VisemeTrackInput fails to compile here until it is passed on).
  const fields: { [K in keyof Required<VisemeTrackInput>]: VisemeTrackInput[K] } = {
    pcm,
    sampleRate,
    text,
    language,
    marks,
    phonemes,
    audioOnly,
    maxKeyframesPerSecond,
  };
  return { message: { id, input: fields }, transfer: shared ? [] : [pcm.buffer as ArrayBuffer] };
}
