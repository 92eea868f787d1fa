import { utteranceId } from '@shared/utterance';
import type { Utterance, VisemeKeyframe } from '@shared';
import type { UtterancePlayer } from '../../audio';
import type { ServerClock, SpeechView } from '../../net/room';
import type { AvatarStage } from './avatarStage';
import { SpeechTimeline, type TimedLine } from './speechTimeline';
import { textVisemes } from './textVisemes';

/** The utterance that started last: its start on the server clock, and in this page's `performance.now()` time base. */
export interface StartedUtterance {
  id: string;
  startAt: number;
  startAtLocalMs: number;
  /** Round trip of the clock sample that placed it: the local start is within half of it of the true one. */
  clockRttMs: number | null;
}

/**
 * Routes the character's performance: each utterance goes once to the audio player (scheduled
 * on the synced clock), to the avatar (lip-sync, expression, gesture) and to the timeline that
 * drives the speech bubble. Late joiners get the sentence under way from the state's `speech`.
 */
export class Performer {
  private readonly timeline = new SpeechTimeline();
  private avatar: AvatarStage | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private shown: TimedLine | null = null;
  private readonly started = new Set<string>();
  /** Recent sentences, handed to an avatar that attaches late. */
  private readonly recent: Utterance[] = [];
  /** The sentence that started last (debug handle, tests). */
  lastUtterance: StartedUtterance | null = null;

  /** Sentences that came before the first clock reply (a late joiner gets them at once). */
  private waiting: Utterance[] = [];
  private readonly offClock: () => void;

  constructor(
    private readonly audio: UtterancePlayer,
    private readonly clock: ServerClock,
    private readonly onLine: (line: TimedLine | null) => void,
  ) {
    this.offClock = clock.onUpdate(() => this.flushWaiting());
  }

  /** Attaches the avatar once its chunk is loaded; sentences still to come are handed over. */
  attach(avatar: AvatarStage): void {
    this.avatar = avatar;
    const now = this.clock.serverNow();
    for (const u of this.recent) if (u.startAt + u.durationMs > now) avatar.play(u, this.levelFor(u));
  }

  /** An `utterance` message (or a late joiner's state `speech`). */
  accept(u: Utterance): void {
    // Until the clock is synced, startAt cannot be placed on this page's clock: hold the sentence.
    if (!this.clock.synced) {
      if (!this.waiting.some((w) => w.turnId === u.turnId && w.seq === u.seq)) this.waiting.push(u);
      return;
    }
    if (!this.timeline.add(u)) return;
    this.audio.play(u);
    const performed = withMouthTrack(u);
    this.avatar?.play(performed, this.levelFor(performed));
    this.recent.push(performed);
    if (this.recent.length > 40) this.recent.splice(0, this.recent.length - 20);
    this.refresh();
  }

  /** Plays the sentence under way when this page joined (if it is still under way). */
  acceptSpeech(s: SpeechView): void {
    if (!s.turnId || this.timeline.has(utteranceId(s))) return;
    if (s.startAt + s.durationMs <= this.clock.serverNow()) return;
    let visemes: VisemeKeyframe[] = [];
    try {
      visemes = JSON.parse(s.visemes) as VisemeKeyframe[];
    } catch {
      /* keep the sentence without a track */
    }
    this.accept({
      turnId: s.turnId,
      seq: s.seq,
      text: s.text,
      expression: s.expression as Utterance['expression'],
      gesture: (s.gesture || undefined) as Utterance['gesture'],
      audioUrl: s.audioUrl,
      durationMs: s.durationMs,
      startAt: s.startAt,
      visemes,
    });
  }

  /** `interrupt {turnId}`: silence at once. */
  interrupt(turnId?: string): void {
    this.waiting = turnId ? this.waiting.filter((u) => u.turnId !== turnId) : [];
    this.audio.interrupt(turnId);
    this.avatar?.interrupt(turnId);
    this.timeline.interrupt(turnId);
    this.refresh();
  }

  /** The voice level drives the mouth of a sentence that has audio but no viseme track. */
  private levelFor(u: Utterance): (() => number) | undefined {
    return u.audioUrl ? () => this.audio.level() : undefined;
  }

  private flushWaiting(): void {
    if (!this.clock.synced || this.waiting.length === 0) return;
    const held = this.waiting;
    this.waiting = [];
    for (const u of held) this.accept(u);
  }

  dispose(): void {
    this.offClock();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = this.clock.serverNow();
    const playing = this.timeline.playing(now);
    if (playing && !this.started.has(playing.id)) {
      this.started.add(playing.id);
      this.lastUtterance = {
        id: playing.id,
        startAt: playing.startAt,
        startAtLocalMs: this.clock.toLocal(playing.startAt),
        clockRttMs: this.clock.rttMs,
      };
    }
    const current = this.timeline.current(now);
    if (current?.id !== this.shown?.id) {
      this.shown = current;
      this.onLine(current);
    }
    const next = this.timeline.nextChange(now);
    if (next !== null) this.timer = setTimeout(() => this.refresh(), Math.max(0, next - now) + 1);
  }
}

/** A text-only sentence (no audio, no track) still moves the mouth: with a track read from its text. */
function withMouthTrack(u: Utterance): Utterance {
  if (u.visemes.length > 0 || u.audioUrl) return u;
  return { ...u, visemes: textVisemes(u.text, u.durationMs) };
}
