/** Where the proxy sends a request: to a given process, to the process holding a room, or to any. */
export type ProxyRoute =
  { kind: 'process'; processId: string } | { kind: 'room'; roomId: string } | { kind: 'any' };

const ID = '([A-Za-z0-9_-]{1,64})';
/** A room's WebSocket: `/<processId>/<roomId>?sessionId=…` (how colyseus.js builds it without publicAddress). */
const ROOM_SOCKET = new RegExp(`^/${ID}/${ID}/?$`);
/** Matchmaking (`/matchmake/joinById/<roomId>`, `/matchmake/reconnect/<roomId>`), the room page and its API. */
const ROOM_HTTP = [
  new RegExp(`^/matchmake/(?:joinById|reconnect)/${ID}$`),
  new RegExp(`^/r/${ID}/?$`),
  new RegExp(`^/api/rooms/${ID}$`),
];

/** Routes a request by its path; `upgrade` is true for a WebSocket handshake. */
export function proxyRouteOf(url: string, upgrade: boolean): ProxyRoute {
  const path = url.split('?', 1)[0]!;
  if (upgrade) {
    const m = ROOM_SOCKET.exec(path);
    return m ? { kind: 'process', processId: m[1]! } : { kind: 'any' };
  }
  for (const pattern of ROOM_HTTP) {
    const m = pattern.exec(path);
    if (m) return { kind: 'room', roomId: m[1]! };
  }
  return { kind: 'any' };
}
