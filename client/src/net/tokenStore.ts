/** The signed-in user as the server named them. */
export interface SessionUser {
  id: string;
  name: string;
}

/** What /api/auth/guest and /api/auth/refresh answer. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  user?: SessionUser;
}

/** A stored sign-in. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

/** The subset of the Web Storage API the store uses (localStorage in the page, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'kotodama.session';

/** Seconds before expiry at which an access token counts as stale and is refreshed first. */
export const REFRESH_MARGIN_S = 30;

/**
 * Keeps the sign-in (access + refresh token and the user) in storage so a reload keeps the seat.
 * Refresh tokens rotate: the store always keeps the newest one, and one refresh runs at a time
 * (reusing a spent refresh token would revoke the whole sign-in).
 */
export class TokenStore {
  private inflight: Promise<StoredSession | null> | null = null;
  private readonly listeners = new Set<(s: StoredSession | null) => void>();

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored sign-in, or null. */
  get session(): StoredSession | null {
    try {
      const raw = this.storage?.getItem(KEY);
      const parsed = raw ? (JSON.parse(raw) as StoredSession) : null;
      return parsed && parsed.accessToken && parsed.refreshToken && parsed.user ? parsed : null;
    } catch {
      return null;
    }
  }

  /** Stores a new pair (keeping the known user when the pair does not name one). */
  save(pair: TokenPair): StoredSession {
    const user = pair.user ?? this.session?.user ?? { id: '', name: '' };
    const session: StoredSession = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, user };
    this.storage?.setItem(KEY, JSON.stringify(session));
    for (const fn of this.listeners) fn(session);
    return session;
  }

  /** Forgets the sign-in. */
  clear(): void {
    this.storage?.removeItem(KEY);
    for (const fn of this.listeners) fn(null);
  }

  /** Calls `fn` when the sign-in changes; returns an unsubscribe function. */
  onChange(fn: (s: StoredSession | null) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** True when the access token expires within the margin (or cannot be read). */
  isStale(session: StoredSession | null = this.session): boolean {
    if (!session) return true;
    const exp = tokenExpiry(session.accessToken);
    return exp === null || exp * 1000 - this.now() < REFRESH_MARGIN_S * 1000;
  }

  /**
   * Refreshes through `exchange` (POST /api/auth/refresh), once at a time; stores the new pair.
   * A refused refresh clears the sign-in and answers null.
   */
  refresh(exchange: (refreshToken: string) => Promise<TokenPair | null>): Promise<StoredSession | null> {
    if (this.inflight) return this.inflight;
    const current = this.session;
    if (!current) return Promise.resolve(null);
    this.inflight = exchange(current.refreshToken)
      .then((pair) => {
        if (!pair) {
          this.clear();
          return null;
        }
        return this.save({ ...pair, user: pair.user ?? current.user });
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }
}

/** The `exp` claim (seconds since the epoch) of a JWT, or null when it cannot be read. */
export function tokenExpiry(jwt: string): number | null {
  const part = jwt.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/** localStorage when the page may use it, else null (private mode, sandboxed frames). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const s = globalThis.localStorage;
    s.setItem('kotodama.probe', '1');
    s.removeItem('kotodama.probe');
    return s;
  } catch {
    return null;
  }
}
