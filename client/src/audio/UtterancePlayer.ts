import { utteranceId } from '@shared/utterance';
import type { Utterance } from '@shared';
import { AudioCache } from './AudioCache';
import { anchorOf, planPlayback } from './schedule';

interface Item {
  id: string;
  utterance: Utterance;
  buffer: AudioBuffer | null;
  source: AudioBufferSourceNode | null;
  /** Local end time (ms), for forgetting finished items. */
  endLocalMs: number;
}

/** Options of the player. */
export interface UtterancePlayerOptions {
  /** Converts a server time (ms) to the page's `performance.now()` base (the synced clock). */
  toLocal: (serverMs: number) => number;
  context?: AudioContext;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Plays the character's sentences on the Web Audio clock at their server `startAt`: audio is
 * fetched and decoded on arrival, started at the right offset when late, stopped at once on
 * interrupt. Volume and mute act on a master gain; an analyser before it gives the voice level
 * (for lip-sync without a track), even when muted. While the browser blocks autoplay the context
 * is suspended: `blocked` is true and `unlock()` (from a tap) resumes and catches up.
 */
export class UtterancePlayer {
  readonly context: AudioContext;
  private readonly master: GainNode;
  private readonly analyser: AnalyserNode;
  private readonly samples: Float32Array<ArrayBuffer>;
  private readonly cache: AudioCache;
  private readonly items = new Map<string, Item>();
  private readonly blockedListeners = new Set<(blocked: boolean) => void>();
  private readonly now: () => number;
  private volumeValue = 1;
  private mutedValue = false;

  constructor(private readonly options: UtterancePlayerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.context = options.context ?? new AudioContext({ latencyHint: 'interactive' });
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 512;
    this.samples = new Float32Array(this.analyser.fftSize);
    this.master = this.context.createGain();
    this.analyser.connect(this.master).connect(this.context.destination);
    this.cache = new AudioCache((b) => this.context.decodeAudioData(b), options.fetch);
    this.context.addEventListener('statechange', this.onContextState);
  }

  /** True while the browser keeps audio suspended until a tap. */
  get blocked(): boolean {
    return this.context.state === 'suspended';
  }

  /** Calls `fn` when `blocked` changes; returns an unsubscribe function. */
  onBlockedChange(fn: (blocked: boolean) => void): () => void {
    this.blockedListeners.add(fn);
    return () => this.blockedListeners.delete(fn);
  }

  /** Resumes audio (call from a user gesture); sentences under way start at their offset. */
  async unlock(): Promise<boolean> {
    if (this.context.state !== 'running') await this.context.resume().catch(() => undefined);
    return this.context.state === 'running';
  }

  /** Starts downloading and decoding an utterance's audio now. */
  prefetch(url: string): void {
    if (url) void this.cache.get(url);
  }

  /** Schedules a sentence at its `startAt` (once per `turnId:seq`); text-only sentences are just timed. */
  play(u: Utterance): void {
    const id = utteranceId(u);
    if (this.items.has(id)) return;
    const item: Item = {
      id,
      utterance: u,
      buffer: null,
      source: null,
      endLocalMs: this.options.toLocal(u.startAt + u.durationMs),
    };
    this.items.set(id, item);
    this.forgetFinished();
    if (!u.audioUrl) return;
    void this.cache.get(u.audioUrl).then((buffer) => {
      if (this.items.get(id) !== item) return;
      item.buffer = buffer;
      this.start(item);
    });
  }

  /** Stops at once every sentence of `turnId` (every sentence when omitted). */
  interrupt(turnId?: string): void {
    for (const item of [...this.items.values()]) {
      if (turnId && item.utterance.turnId !== turnId) continue;
      this.stopItem(item);
      this.items.delete(item.id);
    }
  }

  /** Output volume 0..1. */
  get volume(): number {
    return this.volumeValue;
  }
  set volume(v: number) {
    this.volumeValue = Math.min(1, Math.max(0, v));
    this.applyGain();
  }

  /** Mute keeps the timing (and the lip-sync level) but silences the output. */
  get muted(): boolean {
    return this.mutedValue;
  }
  set muted(m: boolean) {
    this.mutedValue = m;
    this.applyGain();
  }

  /** True while a sentence's audio is sounding. */
  get sounding(): boolean {
    for (const item of this.items.values()) if (item.source) return true;
    return false;
  }

  /** The voice level now (RMS, roughly 0..1), read before the volume and mute. */
  level(): number {
    if (!this.sounding) return 0;
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const s of this.samples) sum += s * s;
    return Math.min(1, Math.sqrt(sum / this.samples.length) * 4);
  }

  /** Stops everything and closes the audio context. */
  dispose(): void {
    this.interrupt();
    this.context.removeEventListener('statechange', this.onContextState);
    void this.context.close().catch(() => undefined);
    this.blockedListeners.clear();
  }

  private start(item: Item): void {
    if (!item.buffer || item.source || this.context.state !== 'running') return;
    const now = this.now();
    const startLocal = this.options.toLocal(item.utterance.startAt);
    const plan = planPlayback(startLocal, anchorOf(this.context, now), item.buffer.duration, now);
    if (!plan) return;
    const source = this.context.createBufferSource();
    source.buffer = item.buffer;
    source.connect(this.analyser);
    source.onended = () => {
      if (item.source === source) item.source = null;
    };
    source.start(plan.when, plan.offset);
    item.source = source;
  }

  private stopItem(item: Item): void {
    const source = item.source;
    item.source = null;
    if (!source) return;
    try {
      source.stop();
    } catch {
      /* not started yet */
    }
    source.disconnect();
  }

  private forgetFinished(): void {
    const now = this.now();
    for (const item of [...this.items.values()]) {
      if (!item.source && item.endLocalMs < now - 1000) this.items.delete(item.id);
    }
  }

  private applyGain(): void {
    const target = this.mutedValue ? 0 : this.volumeValue;
    this.master.gain.setTargetAtTime(target, this.context.currentTime, 0.015);
  }

  private readonly onContextState = (): void => {
    if (this.context.state === 'running') for (const item of this.items.values()) this.start(item);
    for (const fn of this.blockedListeners) fn(this.blocked);
  };
}
