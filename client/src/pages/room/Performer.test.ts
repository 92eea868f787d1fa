import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Utterance } from '@shared';
import type { UtterancePlayer } from '../../audio';
import { EMPTY_SPEECH, ServerClock } from '../../net/room';
import type { AvatarStage } from './avatarStage';
import { Performer } from './Performer';
import type { TimedLine } from './speechTimeline';

const OFFSET = 1_700_000_000_000;
const utterance = (seq: number, startAt: number, over: Partial<Utterance> = {}): Utterance => ({
  turnId: 't1',
  seq,
  text: `Sentence ${seq}.`,
  expression: 'happy',
  audioUrl: '/audio/x.wav',
  durationMs: 1000,
  visemes: [[0, 'A', 1]],
  startAt,
  ...over,
});

function setup(synced = true) {
  const clock = new ServerClock(() => performance.now());
  if (synced) clock.onReply({ t0: performance.now(), t1: performance.now() + OFFSET });
  const audio = { play: vi.fn(), interrupt: vi.fn(), level: () => 0 } as unknown as UtterancePlayer & {
    play: ReturnType<typeof vi.fn>;
    interrupt: ReturnType<typeof vi.fn>;
  };
  const played: Utterance[] = [];
  const avatar = { play: (u: Utterance) => played.push(u), interrupt: vi.fn() } as unknown as AvatarStage;
  const lines: (TimedLine | null)[] = [];
  const performer = new Performer(audio, clock, (l) => lines.push(l));
  performer.attach(avatar);
  return { clock, audio, played, performer, lines, now: () => clock.serverNow() };
}

describe('Performer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plays a sentence once even when it comes as a message and in the state', () => {
    const s = setup();
    const u = utterance(0, s.now() + 500);
    s.performer.accept(u);
    s.performer.acceptSpeech({ ...EMPTY_SPEECH, ...u, gesture: '', visemes: JSON.stringify(u.visemes) });
    expect(s.audio.play).toHaveBeenCalledTimes(1);
    expect(s.played).toHaveLength(1);
  });

  it('shows the sentence in the bubble when it starts and records when it started, in page time', () => {
    const s = setup();
    const u = utterance(0, s.now() + 500);
    s.performer.accept(u);
    expect(s.lines).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(s.lines.at(-1)?.text).toBe('Sentence 0.');
    expect(s.performer.lastUtterance?.id).toBe('t1:0');
    expect(s.performer.lastUtterance?.startAt).toBe(u.startAt);
    expect(s.performer.lastUtterance?.clockRttMs).toBe(s.clock.rttMs);
    expect(s.performer.lastUtterance?.startAtLocalMs).toBeCloseTo(s.clock.toLocal(u.startAt));
  });

  it('lets a late joiner start the sentence under way, and ignores one that has ended', () => {
    const s = setup();
    const speech = {
      ...EMPTY_SPEECH,
      turnId: 't2',
      seq: 0,
      text: 'Under way',
      durationMs: 3000,
      visemes: '[[0,"O",1]]',
    };
    s.performer.acceptSpeech({ ...speech, startAt: s.now() - 1000 });
    s.performer.acceptSpeech({ ...speech, seq: 1, startAt: s.now() - 5000 });
    expect(s.played.map((u) => `${u.seq}:${u.visemes[0][1]}`)).toEqual(['0:O']);
    expect(s.lines.at(-1)?.text).toBe('Under way');
  });

  it('gives a text-only sentence a mouth track read from its text', () => {
    const s = setup();
    s.performer.accept(utterance(0, s.now(), { audioUrl: '', visemes: [] }));
    expect(s.played[0].visemes.length).toBeGreaterThan(2);
  });

  it('holds a sentence that arrives before the clock is synced, then plays it at its offset', () => {
    const s = setup(false);
    const startAt = performance.now() + OFFSET - 500; // began half a second ago, on the server clock
    s.performer.accept(utterance(0, startAt, { durationMs: 3000 }));
    expect(s.audio.play).not.toHaveBeenCalled();
    s.clock.onReply({ t0: performance.now(), t1: performance.now() + OFFSET });
    expect(s.audio.play).toHaveBeenCalledTimes(1);
    // The true start in page time is startAt − OFFSET; one clock sample places it within half its round trip.
    const started = s.performer.lastUtterance!;
    expect(started.startAt).toBe(startAt);
    expect(started.startAtLocalMs).toBeCloseTo(s.clock.toLocal(startAt));
    expect(Math.abs(started.startAtLocalMs - (startAt - OFFSET))).toBeLessThanOrEqual(
      s.clock.rttMs! / 2 + 1e-6,
    );
  });

  it('silences audio, mouth and bubble at once on interrupt', () => {
    const s = setup();
    s.performer.accept(utterance(0, s.now()));
    vi.advanceTimersByTime(10);
    s.performer.interrupt('t1');
    expect(s.audio.interrupt).toHaveBeenCalledWith('t1');
    expect(s.lines.at(-1)).toBeNull();
  });
});
