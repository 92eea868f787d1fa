import { randomUUID } from 'node:crypto';
import type { Delayed } from '@colyseus/core';
import type { QueueItem } from '@shared';
import { publishCancel } from '../bus';
import type { Turn } from '../turn';
import { nextBatch, type QueuedMessage } from './logic/waitingMessages';
import type { RoomHost } from './RoomHost';
import { takeTurnAllowance } from './turnAllowance';
import { TurnTrace } from './TurnTrace';

/**
 * Sends the room's waiting messages to the agent one turn at a time: fairly in open mode, as
 * picked in hosted mode, never while paused. A turn that goes silent is given up after a timeout,
 * so the room never gets stuck.
 */
export class TurnDispatcher {
  private readonly lastAnsweredAt = new Map<string, number>();
  private watchdog: Delayed | undefined;
  private retry: Delayed | undefined;
  /** The turn handed to the agent and not yet finished, for a redelivery after a queue reset. */
  private active: Turn | undefined;
  /** Set while the process drains: the running turn finishes, no new one starts. */
  private held = false;
  /** The active turn's trace and reply timings. */
  trace: TurnTrace | undefined;

  constructor(private readonly host: RoomHost) {}

  /** Starts the next turn when the character is free. */
  dispatch(): void {
    const { state, deps } = this.host;
    if (state.activeTurnId || state.paused || this.held) return;
    const queue = state.queue.map((q) => q.toJSON() as QueuedMessage);
    const batch = nextBatch(queue, state.mode, this.lastAnsweredAt, deps.settings.queue);
    if (batch.length === 0) return;
    const turn = this.buildTurn(batch);
    this.trace = new TurnTrace(turn, deps.metrics, deps.now);
    turn.traceparent = this.trace.traceparent;
    const ids = new Set(batch.map((m) => m.id));
    const taken = state.queue.filter((q) => ids.has(q.id));
    for (const item of taken) state.queue.splice(state.queue.indexOf(item), 1);
    state.activeTurnId = turn.turnId;
    this.active = turn;
    state.character.lookAt = batch.length === 1 ? batch[0].sessionId : '';
    this.armWatchdog(turn.turnId);
    void takeTurnAllowance(this.host, turn).then((allowed) => {
      if (state.activeTurnId !== turn.turnId) return; // cancelled meanwhile
      if (allowed) this.enqueue(turn, taken);
      else this.finished(turn.turnId);
    });
  }

  private enqueue(turn: Turn, taken: QueueItem[]): void {
    const { state, deps } = this.host;
    deps.bus.queue.enqueue(turn).catch((err: unknown) => {
      deps.log.error(
        { err, roomId: this.host.roomId },
        'Could not hand a turn to the agent queue; it stays queued and is retried.',
      );
      if (state.activeTurnId !== turn.turnId) return;
      state.queue.unshift(...taken);
      this.clearActive('failed');
      this.retry = this.host.clock.setTimeout(() => this.dispatch(), 1000);
    });
  }

  /** Starts no more turns (the process is draining); the active one runs to its end. */
  hold(): void {
    this.held = true;
  }

  /** The active turn ended: remember who was answered, then go on. */
  finished(turnId: string): void {
    if (this.host.state.activeTurnId !== turnId) return;
    this.clearActive('done');
    this.dispatch();
  }

  /**
   * The queue lost what it held (Redis came back empty): hand the active turn over again. Events of
   * a copy that still runs somewhere are dropped by (turnId, seq), so the room hears the reply once.
   */
  redeliver(): void {
    const turn = this.active;
    if (!turn || this.host.state.activeTurnId !== turn.turnId) return;
    this.armWatchdog(turn.turnId);
    this.host.deps.bus.queue.enqueue(turn).catch((err: unknown) => {
      this.host.deps.log.error(
        { err, roomId: this.host.roomId, turnId: turn.turnId },
        'Could not hand a turn to the agent queue again after a Redis reset; the turn watchdog reports it if no reply comes.',
      );
    });
  }

  /** Resets the watchdog of the active turn. */
  progressed(): void {
    const turnId = this.host.state.activeTurnId;
    if (turnId) this.armWatchdog(turnId);
  }

  /** Cancels the active turn (interrupt) and tells the worker; returns its id. */
  cancel(): string | null {
    const turnId = this.host.state.activeTurnId;
    if (!turnId) return null;
    this.clearActive();
    publishCancel(this.host.deps.bus.events, { roomId: this.host.roomId, turnId }).catch((err: unknown) =>
      this.host.deps.log.warn({ err, turnId }, 'Could not tell the agent to stop a cancelled turn.'),
    );
    return turnId;
  }

  dispose(): void {
    this.watchdog?.clear();
    this.retry?.clear();
  }

  private buildTurn(batch: QueuedMessage[]): Turn {
    const { state, deps, staged } = this.host;
    const now = deps.now();
    for (const m of batch) this.lastAnsweredAt.set(m.userId, now);
    const newIds = new Set(batch.map((m) => m.id));
    const transcript = state.chat
      .filter((l) => !newIds.has(l.id))
      .slice(-deps.settings.transcriptLines)
      .map((l) => ({ kind: l.kind, name: l.name, text: l.text }));
    return {
      turnId: randomUUID(),
      roomId: this.host.roomId,
      character: staged.profile,
      messages: batch.map((m) => ({ id: m.id, userId: m.userId, name: m.name, text: m.text, at: m.at })),
      transcript,
      enqueuedAt: now,
    };
  }

  private armWatchdog(turnId: string): void {
    this.watchdog?.clear();
    this.watchdog = this.host.clock.setTimeout(
      () => this.giveUp(turnId),
      this.host.deps.settings.turnTimeoutMs,
    );
  }

  private giveUp(turnId: string): void {
    if (this.host.state.activeTurnId !== turnId) return;
    this.host.deps.log.warn(
      { roomId: this.host.roomId, turnId },
      'The agent went silent on a turn; giving up on it.',
    );
    this.cancel();
    this.host.appendChat({
      kind: 'system',
      userId: '',
      name: 'Kotodama',
      text: `${this.host.state.character.name} lost track of that question. Please ask again.`,
    });
    this.dispatch();
  }

  private clearActive(outcome: 'done' | 'cancelled' | 'failed' = 'cancelled'): void {
    this.trace?.end(outcome);
    this.trace = undefined;
    this.watchdog?.clear();
    this.active = undefined;
    this.host.state.activeTurnId = '';
  }
}
