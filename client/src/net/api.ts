import type { RoomMode } from '@shared';
import { ApiError, offlineError, readBody, signInRequiredError } from './apiError';
import type { AvatarCatalogue, AvatarInfo, CharacterDraft, CharacterInfo } from './catalogueTypes';
import type { StoredSession, TokenPair, TokenStore } from './tokenStore';
import { uploadWithProgress, type UploadReply } from './uploadWithProgress';

export { ApiError } from './apiError';

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
export interface RoomLinks {
  participant: string;
  spectator: string;
}

/** What the room page needs before joining. `links` only for the room's owner. */
export interface RoomInfo {
  roomId: string;
  character: { id: string; name: string; avatarUrl: string };
  mode: RoomMode;
  links?: RoomLinks;
}

/** Options of `uploadAvatar`. */
export interface AvatarUploadOptions {
  /** Shown in the catalogue instead of the file's own title. */
  name?: string;
  signal?: AbortSignal;
}

type Fetch = typeof fetch;
type Auth = 'none' | 'optional' | 'required';
const id = (value: string) => encodeURIComponent(value);

/** Calls the Kotodama HTTP API; attaches and refreshes the access token when asked to. */
export class ApiClient {
  constructor(
    readonly tokens: TokenStore,
    private readonly base = '',
    private readonly fetchFn: Fetch = (...a) => fetch(...a),
    private readonly newXhr: () => XMLHttpRequest = () => new XMLHttpRequest(),
  ) {}

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

  /** GET /api/characters: the default and public characters, and (signed in) the caller's own. */
  async characters(): Promise<CharacterInfo[]> {
    return (
      await this.request<{ characters: CharacterInfo[] }>('GET', '/api/characters', undefined, 'optional')
    ).characters;
  }

  /** GET /api/characters/:id. */
  character(characterId: string): Promise<CharacterInfo> {
    return this.request('GET', `/api/characters/${id(characterId)}`, undefined, 'optional');
  }

  /** POST /api/characters (signed in): a new character owned by the caller. */
  createCharacter(
    draft: Partial<CharacterDraft> & Pick<CharacterDraft, 'name' | 'persona'>,
  ): Promise<CharacterInfo> {
    return this.request('POST', '/api/characters', draft, 'required');
  }

  /** PATCH /api/characters/:id (the owner): changes the fields given. */
  updateCharacter(characterId: string, patch: Partial<CharacterDraft>): Promise<CharacterInfo> {
    return this.request('PATCH', `/api/characters/${id(characterId)}`, patch, 'required');
  }

  /** DELETE /api/characters/:id (the owner). */
  async deleteCharacter(characterId: string): Promise<void> {
    await this.request<null>('DELETE', `/api/characters/${id(characterId)}`, undefined, 'required');
  }

  /** GET /api/avatars: the avatars the caller may put on a character, and the upload size limit. */
  avatars(): Promise<AvatarCatalogue> {
    return this.request('GET', '/api/avatars', undefined, 'optional');
  }

  /**
   * POST /api/avatars (signed in): uploads a VRM file, reporting the fraction sent to
   * `onProgress`. A refused file rejects with an ApiError carrying the server's reason.
   */
  async uploadAvatar(
    file: Blob,
    onProgress: (fraction: number) => void = () => undefined,
    options: AvatarUploadOptions = {},
  ): Promise<AvatarInfo> {
    const token = await this.accessToken();
    if (!token) throw signInRequiredError();
    const send = (bearer: string) => this.sendUpload(file, bearer, onProgress, options);
    let reply = await send(token);
    if (reply.status === 401) {
      const fresh = await this.refresh();
      if (fresh) reply = await send(fresh.accessToken);
    }
    return readBody<AvatarInfo>(reply.status, reply.text);
  }

  /** GET /api/avatars?pending=1 (admins): the uploads waiting for review; others get 403 `admins_only`. */
  async pendingAvatars(): Promise<AvatarInfo[]> {
    return (await this.request<AvatarCatalogue>('GET', '/api/avatars?pending=1', undefined, 'required'))
      .avatars;
  }

  /** POST /api/avatars/:id/approve (admins): makes an upload public; 409 `licence_forbids_public` with the reason when it may not be. */
  approveAvatar(avatarId: string): Promise<AvatarInfo> {
    return this.request('POST', `/api/avatars/${id(avatarId)}/approve`, undefined, 'required');
  }

  /** DELETE /api/avatars/:id: the uploader while it is unapproved, an admin at any time; never a built-in. */
  async deleteAvatar(avatarId: string): Promise<void> {
    await this.request<null>('DELETE', `/api/avatars/${id(avatarId)}`, undefined, 'required');
  }

  /** GET /api/rooms: the public rooms. */
  async rooms(): Promise<RoomSummary[]> {
    return (await this.request<{ rooms: RoomSummary[] }>('GET', '/api/rooms', undefined, 'optional')).rooms;
  }

  /** POST /api/rooms (signed in): a new room and its links. */
  createRoom(
    options: { characterId?: string; mode?: RoomMode } = {},
  ): Promise<{ roomId: string; links: RoomLinks }> {
    return this.request('POST', '/api/rooms', options, 'required');
  }

  /** GET /api/rooms/:roomId: the room's character and mode; also makes sure the live room exists. */
  room(roomId: string): Promise<RoomInfo> {
    return this.request('GET', `/api/rooms/${id(roomId)}`, undefined, 'optional');
  }

  /** One JSON request; `auth` says whether to send the access token (retrying once after a refresh on 401). */
  async request<T>(method: string, path: string, body: unknown, auth: Auth): Promise<T> {
    const token = auth === 'none' ? null : await this.accessToken();
    if (auth === 'required' && !token) throw signInRequiredError();
    let res = await this.send(method, path, body, token);
    if (res.status === 401 && token) {
      const fresh = await this.refresh();
      if (fresh) res = await this.send(method, path, body, fresh.accessToken);
    }
    return readBody<T>(res.status, await res.text());
  }

  private async send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return await this.fetchFn(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw offlineError();
    }
  }

  private sendUpload(
    file: Blob,
    token: string,
    onProgress: (fraction: number) => void,
    options: AvatarUploadOptions,
  ): Promise<UploadReply> {
    const form = new FormData();
    if (options.name) form.append('name', options.name);
    form.append('file', file, (file as File).name || 'avatar.vrm');
    return uploadWithProgress(this.newXhr(), form, {
      url: `${this.base}/api/avatars`,
      token,
      onProgress,
      signal: options.signal,
    });
  }
}
