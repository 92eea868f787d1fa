import { Client } from 'colyseus.js';
import { CLIENT_MESSAGES, SERVER_MESSAGES } from '@shared/messageNames';
import { PROTOCOL_VERSION } from '@shared/protocol';
import type {
  ChatMessage,
  ErrorMessage,
  JoinOptions,
  LinksMessage,
  SubtitleMessage,
  TimeReply,
} from '@shared';
import type { RawState } from './readState';
import { RoomConnection, type ClientLike } from './RoomConnection';
import { RoomStore } from './RoomStore';
import { ServerClock } from './ServerClock';

/** Options of a room session. */
export interface RoomSessionOptions {
  roomId: string;
  /** Link token from the page URL, if any. */
  link?: string;
  /** A fresh access token, or null to join with the link alone. */
  accessToken: () => Promise<string | null>;
  /** WebSocket endpoint (default: this page's origin). */
  endpoint?: string;
  /** A client to use instead of colyseus.js (tests). */
  client?: ClientLike;
}

/**
 * One room, wired: the connection (join, reconnection), the server clock (pings start on each
 * connect) and the store (state, instant chat, subtitles, errors, links). Per-event messages
 * the page acts on (utterance, interrupt, reaction) are subscribed through `on`.
 */
export class RoomSession {
  readonly connection: RoomConnection;
  readonly clock = new ServerClock();
  readonly store = new RoomStore();
  private readonly offs: (() => void)[] = [];

  constructor(options: RoomSessionOptions) {
    const client =
      options.client ?? (new Client(options.endpoint ?? location.origin) as unknown as ClientLike);
    const origin = options.endpoint ?? location.origin;
    this.connection = new RoomConnection(
      client,
      options.roomId,
      async (): Promise<JoinOptions> => {
        const token = await options.accessToken();
        return {
          protocol: PROTOCOL_VERSION,
          ...(token ? { token } : {}),
          ...(options.link ? { link: options.link } : {}),
        };
      },
      Date.now,
      // Opening the room's page API reopens it on a live server when its own one is gone.
      async () => {
        await fetch(`${origin.replace(/^ws/, 'http')}/api/rooms/${encodeURIComponent(options.roomId)}`);
      },
    );
    this.wire();
  }

  /** Joins the room (rejects with a JoinFailure). */
  join(): Promise<void> {
    return this.connection.join();
  }

  /** Subscribes to a server message. */
  on<T>(type: string, fn: (message: T) => void): () => void {
    return this.connection.on(type, fn);
  }

  /** Sends a client message; false when not connected. */
  send(type: (typeof CLIENT_MESSAGES)[keyof typeof CLIENT_MESSAGES], message?: unknown): boolean {
    return this.connection.send(type, message);
  }

  /** Leaves and stops everything. */
  async dispose(): Promise<void> {
    this.clock.stop();
    for (const off of this.offs) off();
    await this.connection.leave();
  }

  private wire(): void {
    const { connection, clock, store } = this;
    this.offs.push(
      connection.onState((s) => store.applyState(s as RawState, connection.sessionId)),
      connection.on<ChatMessage>(SERVER_MESSAGES.chat, (m) => store.addChat(m)),
      connection.on<SubtitleMessage>(SERVER_MESSAGES.subtitle, (m) => store.addSubtitle(m)),
      connection.on<TimeReply>(SERVER_MESSAGES.time, (m) => clock.onReply(m)),
      connection.on<ErrorMessage>(SERVER_MESSAGES.error, (m) => store.setError(m)),
      connection.on<LinksMessage>(SERVER_MESSAGES.links, (m) => store.setLinks(m)),
      clock.onUpdate(() => store.setLatency(clock.rttMs)),
      connection.onStatus((s) => {
        store.setConnection(s);
        if (s.status === 'connected') clock.start((t0) => connection.send(CLIENT_MESSAGES.time, { t0 }));
        else clock.stop();
      }),
    );
  }
}
