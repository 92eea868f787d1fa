import { Client, type Room } from 'colyseus.js';
import { PROTOCOL_VERSION, type RoomState } from '@shared';

/** JSON over HTTP to a cluster's proxy (or any server). */
export async function api(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A signed-in guest and a room they own, with its link tokens. */
export async function guestWithRoom(base: string, name: string) {
  const owner = await api(base, 'POST', '/api/auth/guest', { name });
  const room = await api(base, 'POST', '/api/rooms', {}, owner.accessToken);
  const link = (role: 'participant' | 'spectator') => new URL(room.links[role]).searchParams.get('link')!;
  return {
    token: owner.accessToken as string,
    roomId: room.roomId as string,
    participant: link('participant'),
    spectator: link('spectator'),
  };
}

/** Joins through `base` as the web client does; keeps every message it receives. */
export async function joinVia(
  base: string,
  roomId: string,
  options: { token?: string; link?: string },
): Promise<{ room: Room<RoomState>; received: { type: string; payload: any }[] }> {
  const room = await new Client(base.replace(/^http/, 'ws')).joinById<RoomState>(roomId, {
    protocol: PROTOCOL_VERSION,
    ...options,
  });
  const received: { type: string; payload: any }[] = [];
  room.onMessage('*', (type, payload) => received.push({ type: String(type), payload }));
  return { room, received };
}

/** Resolves once `test` holds, checking every 50 ms (state patches and messages arrive on their own). */
export async function eventually(
  test: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await test()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
