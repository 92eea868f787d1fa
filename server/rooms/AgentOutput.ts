import { SERVER_MESSAGES, utteranceId, type Utterance } from '@shared';
import type { AgentEvent } from '../turn';
import { SeenEvents } from './logic/SeenEvents';
import { UtteranceSchedule } from './logic/UtteranceSchedule';
import type { RoomHost } from './RoomHost';

type UtteranceEvent = Extract<AgentEvent, { type: 'utterance' }>;

/**
 * Applies the agent's output to the room: subtitles as they stream, utterances scheduled back to
 * back on the server clock (state `speech` follows what is playing, for late joiners), the full
 * reply into chat when done. Duplicate events of a redelivered turn are dropped by (turnId, seq).
 */
export class AgentOutput {
  private readonly seen = new SeenEvents();
  private readonly schedule: UtteranceSchedule;
  /** Utterances broadcast and not yet finished, oldest first. */
  private upcoming: Utterance[] = [];
  private timers: { clear(): void }[] = [];

  constructor(private readonly host: RoomHost) {
    this.schedule = new UtteranceSchedule(host.deps.settings.leadMs);
  }

  /** Handles one event of the active turn; events of other turns are ignored. */
  apply(event: AgentEvent): void {
    if (event.turnId !== this.host.state.activeTurnId) return;
    this.host.turnProgressed();
    switch (event.type) {
      case 'subtitle':
        if (this.seen.firstTime(event.turnId, `s${event.seq}`)) {
          this.host.broadcast(SERVER_MESSAGES.subtitle, { turnId: event.turnId, text: event.text });
          this.host.activeTrace()?.subtitle();
        }
        return;
      case 'utterance':
        if (this.seen.firstTime(event.turnId, `u${event.seq}`)) this.play(event);
        return;
      case 'done':
        if (this.seen.firstTime(event.turnId, 'done')) this.finish(event.turnId, event.text);
        return;
      case 'error':
        if (this.seen.firstTime(event.turnId, 'error')) this.fail(event.turnId, event.message);
    }
  }

  /** Utterances a late joiner must still play (state `speech` only holds the current one). */
  pending(now: number): Utterance[] {
    return this.upcoming.filter((u) => u.startAt + u.durationMs > now);
  }

  /** Stops the performance at once (host interrupt). */
  stop(): void {
    for (const t of this.timers) t.clear();
    this.timers = [];
    this.upcoming = [];
    this.schedule.clear();
    this.silence();
  }

  dispose(): void {
    this.stop();
  }

  private play(event: UtteranceEvent): void {
    const { type: _type, roomId: _roomId, ...plan } = event;
    const now = this.host.deps.now();
    const trace = this.host.activeTrace();
    const utterance: Utterance = { ...plan, startAt: this.schedule.place(now, plan.durationMs) };
    this.upcoming.push(utterance);
    this.host.deps.accounts
      ?.recordVoice(this.host.record.ownerId, plan.durationMs)
      .catch((err: unknown) =>
        this.host.deps.log.warn({ err }, 'Could not count the voice usage of an utterance.'),
      );
    this.host.broadcast(SERVER_MESSAGES.utterance, utterance);
    trace?.utterance(plan.seq, now);
    this.at(utterance.startAt, () => this.begin(utterance));
    this.at(utterance.startAt + utterance.durationMs, () => this.end(utterance));
  }

  private begin(u: Utterance): void {
    const { speech, character } = this.host.state;
    speech.assign({
      turnId: u.turnId,
      seq: u.seq,
      text: u.text,
      expression: u.expression,
      gesture: u.gesture ?? '',
      audioUrl: u.audioUrl,
      durationMs: u.durationMs,
      startAt: u.startAt,
      visemes: JSON.stringify(u.visemes),
    });
    character.speaking = true;
    character.expression = u.expression;
  }

  private end(u: Utterance): void {
    this.upcoming = this.upcoming.filter((x) => utteranceId(x) !== utteranceId(u));
    if (this.upcoming.length === 0) this.silence();
  }

  private silence(): void {
    const { speech, character } = this.host.state;
    speech.assign({
      turnId: '',
      seq: 0,
      text: '',
      gesture: '',
      audioUrl: '',
      durationMs: 0,
      startAt: 0,
      visemes: '[]',
    });
    character.speaking = false;
  }

  private finish(turnId: string, text: string): void {
    const reply = text.trim();
    if (reply)
      this.host.appendChat({
        kind: 'character',
        userId: '',
        name: this.host.state.character.name,
        text: reply,
      });
    this.host.turnFinished(turnId);
  }

  private fail(turnId: string, message: string): void {
    this.host.deps.log.warn(
      { roomId: this.host.roomId, turnId, message },
      'The agent reported an error for a turn.',
    );
    this.host.appendChat({
      kind: 'system',
      userId: '',
      name: 'Kotodama',
      text: `${this.host.state.character.name} could not finish that answer. Please try again.`,
    });
    this.host.turnFinished(turnId);
  }

  private at(serverTime: number, fn: () => void): void {
    const delay = Math.max(0, serverTime - this.host.deps.now());
    this.timers.push(this.host.clock.setTimeout(fn, delay));
  }
}
