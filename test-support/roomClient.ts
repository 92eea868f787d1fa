import { Client, type Room } from 'colyseus.js';
import { PROTOCOL_VERSION, ROOM_NAME, type RoomState } from '@shared';
import type { TestServer } from './testServer';

/** A joined test client that records every message it receives. */
export interface TestClient {
  room: Room<RoomState>;
  received: { type: string; payload: any; at: number }[];
  /** Messages of one type, in arrival order. */
  messages(type: string): any[];
  /** Resolves when a message of `type` matching `test` arrives (or already has). */
  next(type: string, test?: (payload: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Resolves when the synced state satisfies `test`. */
  until(test: (state: RoomState) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves with the close code when the connection ends. */
  closed: Promise<number>;
}

/** Signs a guest in; returns the tokens and user. */
export async function signIn(
  server: TestServer,
  name: string,
): Promise<{ accessToken: string; refreshToken: string; user: { id: string; name: string } }> {
  const res = await server.post('/api/auth/guest', { name });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.text}`);
  return res.body;
}

/** Creates a room as `token`'s user; returns its id and the link tokens. */
export async function createRoom(
  server: TestServer,
  token: string,
  body: object = {},
): Promise<{ roomId: string; participant: string; spectator: string }> {
  const res = await server.post('/api/rooms', body, token);
  if (res.status !== 201) throw new Error(`room creation failed: ${res.text}`);
  const linkOf = (url: string) => new URL(url).searchParams.get('link')!;
  return {
    roomId: res.body.roomId,
    participant: linkOf(res.body.links.participant),
    spectator: linkOf(res.body.links.spectator),
  };
}

/** Joins a room the way the web client does. */
export async function joinRoom(
  server: TestServer,
  roomId: string,
  options: { token?: string; link?: string; protocol?: number; [k: string]: unknown },
): Promise<TestClient> {
  const client = new Client(`ws://127.0.0.1:${server.port}`);
  const room = await client.joinById<RoomState>(roomId, { protocol: PROTOCOL_VERSION, ...options });
  const first = new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
  const wrapped = wrap(room);
  await first;
  return wrapped;
}

function wrap(room: Room<RoomState>): TestClient {
  const received: TestClient['received'] = [];
  const waiters: (() => void)[] = [];
  room.onMessage('*', (type, payload) => {
    received.push({ type: String(type), payload, at: Date.now() });
    for (const w of [...waiters]) w();
  });
  room.onStateChange(() => {
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<number>((resolve) => room.onLeave((code) => resolve(code)));
  const waitUntil = (check: () => boolean, what: string, timeoutMs = 5000) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(poll), 1);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const poll = () => {
        if (check()) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(poll), 1);
          resolve();
        }
      };
      waiters.push(poll);
    });
  return {
    room,
    received,
    closed,
    messages: (type) => received.filter((m) => m.type === type).map((m) => m.payload),
    async next(type, test = () => true, timeoutMs) {
      let found: any;
      await waitUntil(
        () => (found = received.find((m) => m.type === type && test(m.payload))) !== undefined,
        `a "${type}" message`,
        timeoutMs,
      );
      return found.payload;
    },
    until: (test, timeoutMs) =>
      waitUntil(
        () => room.state !== undefined && test(room.state),
        `state where ${test.toString().slice(0, 120)}`,
        timeoutMs,
      ),
  };
}

/** The join error code a refused join produced (undefined when the join succeeded). */
export async function joinError(
  server: TestServer,
  roomId: string,
  options: Record<string, unknown>,
): Promise<{ code: number; message: string } | undefined> {
  try {
    const c = await joinRoom(server, roomId, options);
    await c.room.leave();
    return undefined;
  } catch (err: any) {
    return { code: err.code, message: err.message };
  }
}

/** `ROOM_NAME` re-exported for tests that define rooms by name. */
export { ROOM_NAME };
