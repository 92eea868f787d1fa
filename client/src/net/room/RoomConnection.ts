import { CLOSE_CODES } from '@shared/errors';
import { SERVER_MESSAGES } from '@shared/messageNames';
import type { JoinOptions } from '@shared';
import { describeFinalClose, describeJoinError, type JoinProblem } from './joinErrors';

/** Where the connection to the room stands. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** The connection status plus, when it ended or failed, why. */
export interface ConnectionState {
  status: ConnectionStatus;
  problem: JoinProblem | null;
}

/** The parts of a colyseus.js Room the connection uses. */
export interface RoomLike {
  sessionId: string;
  reconnectionToken: string;
  state: unknown;
  onStateChange(cb: (state: unknown) => void): unknown;
  onMessage(type: string, cb: (message: unknown) => void): unknown;
  onLeave(cb: (code: number) => void): unknown;
  send(type: string, message?: unknown): void;
  leave(consented?: boolean): Promise<number>;
  removeAllListeners(): void;
}

/** The parts of a colyseus.js Client the connection uses. */
export interface ClientLike {
  joinById(roomId: string, options: JoinOptions): Promise<RoomLike>;
  reconnect(reconnectionToken: string): Promise<RoomLike>;
}

/** How long the server keeps the seat after a drop (Colyseus `allowReconnection`), and the retry pace. */
export const RECONNECT = { windowMs: 20_000, delaysMs: [250, 500, 1000, 2000, 3000] } as const;

/** A join that the server refused, with what to tell the person. */
export class JoinFailure extends Error {
  constructor(readonly problem: JoinProblem) {
    super(problem.message);
    this.name = 'JoinFailure';
  }
}

type Handler = (message: unknown) => void;

/**
 * One seat in one room: joins with the given options, re-attaches every handler to each room
 * instance, and after an unexpected drop reconnects with the reconnection token for as long as
 * the server keeps the seat, reporting `reconnecting` meanwhile.
 */
export class RoomConnection {
  private room: RoomLike | null = null;
  private current: ConnectionState = { status: 'idle', problem: null };
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly stateHandlers = new Set<(state: unknown) => void>();
  private readonly statusHandlers = new Set<(s: ConnectionState) => void>();
  private leaving = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: ClientLike,
    readonly roomId: string,
    private readonly joinOptions: () => Promise<JoinOptions>,
    private readonly now: () => number = Date.now,
    /** Brings the room back to life (its page API) before a fresh join, e.g. after its server stopped. */
    private readonly reopen: () => Promise<void> = async () => undefined,
  ) {}

  get state(): ConnectionState {
    return this.current;
  }
  get sessionId(): string {
    return this.room?.sessionId ?? '';
  }
  /** The decoded room state of the current room instance (null before joining). */
  get roomState(): unknown {
    return this.room?.state ?? null;
  }

  /** Joins; rejects with a JoinFailure carrying a message for people. */
  async join(): Promise<void> {
    this.leaving = false;
    this.setStatus('connecting');
    try {
      this.attach(await this.client.joinById(this.roomId, await this.joinOptions()));
    } catch (err) {
      const problem = problemOf(err);
      this.setStatus('closed', problem);
      throw new JoinFailure(problem);
    }
  }

  /** Subscribes to a server message on this and every later room instance. */
  on<T>(type: string, fn: (message: T) => void): () => void {
    const set = this.handlers.get(type) ?? new Set<Handler>();
    set.add(fn as Handler);
    this.handlers.set(type, set);
    return () => set.delete(fn as Handler);
  }

  /** Subscribes to state changes (after each patch). */
  onState(fn: (state: unknown) => void): () => void {
    this.stateHandlers.add(fn);
    return () => this.stateHandlers.delete(fn);
  }

  /** Subscribes to status changes. */
  onStatus(fn: (s: ConnectionState) => void): () => void {
    this.statusHandlers.add(fn);
    return () => this.statusHandlers.delete(fn);
  }

  /** Sends when connected; answers false otherwise (the UI keeps the text). */
  send(type: string, message?: unknown): boolean {
    if (this.current.status !== 'connected' || !this.room) return false;
    this.room.send(type, message);
    return true;
  }

  /** Leaves on purpose (no reconnection). */
  async leave(): Promise<void> {
    this.leaving = true;
    this.clearRetry();
    const room = this.room;
    this.room = null;
    this.setStatus('closed', describeFinalClose(4000));
    await room?.leave(true).catch(() => undefined);
  }

  private attach(room: RoomLike): void {
    this.room = room;
    for (const type of new Set([...Object.values(SERVER_MESSAGES), ...this.handlers.keys()])) {
      room.onMessage(type, (m) => {
        for (const fn of this.handlers.get(type) ?? []) fn(m);
      });
    }
    room.onStateChange((s) => {
      for (const fn of this.stateHandlers) fn(s);
    });
    room.onLeave((code) => this.onLeave(room, code));
    this.setStatus('connected');
    if (room.state) for (const fn of this.stateHandlers) fn(room.state);
  }

  private onLeave(room: RoomLike, code: number): void {
    if (room !== this.room || this.leaving) return;
    room.removeAllListeners();
    const final = describeFinalClose(code);
    if (final) {
      this.room = null;
      this.setStatus('closed', final);
      return;
    }
    if (code === CLOSE_CODES.moving) {
      // The server is stopping and the seat goes with it: straight to a fresh join elsewhere.
      this.room = null;
      this.setStatus('reconnecting');
      void this.rejoin();
      return;
    }
    this.reconnect(room.reconnectionToken, this.now() + RECONNECT.windowMs, 0);
  }

  private reconnect(token: string, deadline: number, attempt: number): void {
    this.setStatus('reconnecting');
    const delay = RECONNECT.delaysMs[Math.min(attempt, RECONNECT.delaysMs.length - 1)];
    if (this.now() + delay > deadline) {
      this.room = null;
      void this.rejoin();
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.client.reconnect(token).then(
        (room) => {
          if (!this.leaving) this.attach(room);
          else void room.leave(true);
        },
        (err: unknown) => {
          if (this.leaving) return;
          // A server that answers with a code says the seat is gone (room disposed, its process dead):
          // waiting out the window would not bring it back. Network errors are retried.
          if (seatGone(err)) {
            this.room = null;
            void this.rejoin();
          } else this.reconnect(token, deadline, attempt + 1);
        },
      );
    }, delay);
  }

  /**
   * The seat is gone: reopen the room and join afresh (a new seat). A server that is still coming
   * up (its process just died or is draining) is retried a few times; then say the connection is lost.
   */
  private async rejoin(attempt = 0): Promise<void> {
    try {
      this.setStatus('reconnecting');
      await this.reopen().catch(() => undefined); // the join below reports what is wrong
      const room = await this.client.joinById(this.roomId, await this.joinOptions());
      if (this.leaving) {
        void room.leave(true);
        return;
      } // the person left meanwhile, as the reconnect path checks
      this.attach(room);
    } catch (err) {
      if (this.leaving) return;
      const problem = problemOf(err);
      if (problem.remedy === 'retry' && attempt < RECONNECT.delaysMs.length) {
        this.retryTimer = setTimeout(() => void this.rejoin(attempt + 1), RECONNECT.delaysMs[attempt]);
        return;
      }
      const lost = {
        code: 0,
        title: 'Connection lost',
        message: 'The connection to the room was lost. Check your network, then rejoin.',
        remedy: 'retry' as const,
      };
      this.setStatus('closed', problem.remedy === 'retry' ? lost : problem);
    }
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: ConnectionStatus, problem: JoinProblem | null = null): void {
    if (this.current.status === status && this.current.problem === problem) return;
    this.current = { status, problem };
    for (const fn of this.statusHandlers) fn(this.current);
  }
}

/** A matchmaking refusal (Colyseus 42xx, ours 41xx): the server is up and says the seat is not there. */
function seatGone(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 4000 && code < 5000;
}

/** A join error (colyseus.js MatchMakeError / ServerError, or anything else) as a problem to show. */
function problemOf(err: unknown): JoinProblem {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'number' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (code === undefined && /fetch|network|ECONNREFUSED|offline/i.test(message)) {
    return {
      code: 0,
      title: 'Cannot reach the server',
      message: 'Check your connection and try again.',
      remedy: 'retry',
    };
  }
  return describeJoinError(code, message);
}
