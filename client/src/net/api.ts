import type { RoomMode } from '@shared';
import type { StoredSession, TokenPair, TokenStore } from './tokenStore';

/** An HTTP API error with the server's code and a message meant for people. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A character the lobby can offer. */
export interface CharacterInfo { id: string; name: string; avatarUrl: string; description?: string }

/** One public room in the lobby list. */
export interface RoomSummary {
  roomId: string;
  character: { id: string; name: string };
  mode: RoomMode;
  participants: number;
  spectators: number;
  hostName: string;
}

/** The two page links of a room. */
export interface RoomLinks { participant: string; spectator: string }

/** What the room page needs before joining. `links` only for the room's owner. */
export interface RoomInfo {
  roomId: string;
  character: { id: string; name: string; avatarUrl: string };
  mode: RoomMode;
  links?: RoomLinks;
}

type Fetch = typeof fetch;

/** Calls the Kotodama HTTP API; attaches and refreshes the access token when asked to. */
export class ApiClient {
  constructor(readonly tokens: TokenStore, private readonly base = '', private readonly fetchFn: Fetch = (...a) => fetch(...a)) {}

  /** POST /api/auth/guest: a guest account under `name`; stored as the sign-in. */
  async signInGuest(name: string): Promise<StoredSession> {
    const pair = await this.request<TokenPair>('POST', '/api/auth/guest', { name }, 'none');
    return this.tokens.save(pair);
  }

  /** A usable access token (refreshed first when stale), or null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.tokens.session;
    if (!session) return null;
    if (!this.tokens.isStale(session)) return session.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  }

  /** Rotates the refresh token; signs out when the server refuses. */
  refresh(): Promise<StoredSession | null> {
    return this.tokens.refresh(async (refreshToken) => {
      try {
        return await this.request<TokenPair>('POST', '/api/auth/refresh', { refreshToken }, 'none');
      } catch (err) {
        if (err instanceof ApiError && err.status >= 400 && err.status < 500) return null;
        throw err;
      }
    });
  }

  /** GET /api/characters. */
  async characters(): Promise<CharacterInfo[]> {
    return (await this.request<{ characters: CharacterInfo[] }>('GET', '/api/characters', undefined, 'none')).characters;
  }

  /** GET /api/rooms: the public rooms. */
  async rooms(): Promise<RoomSummary[]> {
    return (await this.request<{ rooms: RoomSummary[] }>('GET', '/api/rooms', undefined, 'optional')).rooms;
  }

  /** POST /api/rooms (signed in): a new room and its links. */
  createRoom(options: { characterId?: string; mode?: RoomMode } = {}): Promise<{ roomId: string; links: RoomLinks }> {
    return this.request('POST', '/api/rooms', options, 'required');
  }

  /** GET /api/rooms/:roomId: the room's character and mode; also makes sure the live room exists. */
  room(roomId: string): Promise<RoomInfo> {
    return this.request('GET', `/api/rooms/${encodeURIComponent(roomId)}`, undefined, 'optional');
  }

  /** One JSON request; `auth` says whether to send the access token (retrying once after a refresh on 401). */
  async request<T>(method: string, path: string, body: unknown, auth: 'none' | 'optional' | 'required'): Promise<T> {
    const token = auth === 'none' ? null : await this.accessToken();
    if (auth === 'required' && !token) throw new ApiError(401, 'sign_in_required', 'Please enter a name first.');
    let res = await this.send(method, path, body, token);
    if (res.status === 401 && token) {
      const fresh = await this.refresh();
      if (fresh) res = await this.send(method, path, body, fresh.accessToken);
    }
    return readJson<T>(res);
  }

  private async send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await this.fetchFn(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'offline', 'Cannot reach the server. Check your connection and try again.');
    }
  }
}

async function readJson<T>(res: Response): Promise<T> {
  const text = await res.text();
  let parsed: unknown = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (res.ok) return parsed as T;
  const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
  throw new ApiError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? `The server answered ${res.status}.`);
}
