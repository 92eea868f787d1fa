import type { LimitRefusal, Plan, TierId } from '@shared';
import type { TokenSigner } from '../auth';
import type { Bus } from '../bus';
import type { ChatWriter, Repositories } from '../db';
import type { Logger, Metrics } from '../observability';
import type { FloodLimits } from './logic/FloodGuard';
import type { QueuePolicy } from './logic/waitingMessages';
import type { CharacterCatalog } from './CharacterCatalog';

/** Room tuning; defaults in DEFAULT_ROOM_SETTINGS. */
export interface RoomSettings {
  /** Lead before the first utterance of a reply, so every client can fetch its audio. */
  leadMs: number;
  maxClients: number;
  maxParticipants: number;
  reconnectSeconds: number;
  flood: FloodLimits;
  /** Per person: chat messages in a burst, and refill per second. */
  sayBurst: number;
  sayPerSecond: number;
  queue: QueuePolicy;
  /** A turn with no agent event for this long is given up. */
  turnTimeoutMs: number;
  /** Chat lines of context handed to the agent. */
  transcriptLines: number;
  /** An empty room stays open this long (a page reload must not end the session). */
  emptyRoomTtlMs: number;
  /** The operator's extra words refused in chat, on top of the built-in moderation rules. */
  blocklist: readonly string[];
}

export const DEFAULT_ROOM_SETTINGS: RoomSettings = {
  leadMs: 300,
  blocklist: [],
  maxClients: 1000,
  maxParticipants: 50,
  reconnectSeconds: 20,
  flood: { perSecond: 20, burst: 40, dropsBeforeDisconnect: 100, windowMs: 10_000 },
  sayBurst: 3,
  sayPerSecond: 0.5,
  queue: { perUserCap: 3, maxMerge: 3, mergeMaxChars: 160 },
  turnTimeoutMs: 60_000,
  transcriptLines: 20,
  emptyRoomTtlMs: 60_000,
};

/** The room host's plan: who fits in the room, the daily AI-turn allowance, voice usage. */
export interface RoomAccounts {
  readonly plans: Readonly<Record<TierId, Plan>>;
  planOf(userId: string): Promise<Plan>;
  /** Takes one reply from the host's daily allowance; the refusal when it is used up. */
  takeAiTurn(hostId: string): Promise<LimitRefusal | null>;
  recordVoice(hostId: string, durationMs: number): Promise<void>;
}

/** Everything a character room needs from the process; rooms reach no other I/O. */
export interface RoomDeps {
  log: Logger;
  signer: TokenSigner;
  repos: Repositories;
  chat: ChatWriter;
  bus: Bus;
  metrics: Metrics;
  characters: CharacterCatalog;
  settings: RoomSettings;
  /** Page origin for room links, e.g. http://localhost:2567. */
  publicUrl: string;
  linkTtlSeconds: number;
  /** True when replies come from the offline persona engine (shown in the UI). */
  llmOffline: boolean;
  /** Plans and usage of room hosts; absent: no plan limits. */
  accounts?: RoomAccounts;
  now(): number;
}
