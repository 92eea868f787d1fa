import { z } from 'zod';
import { ROOM_MODES } from './state';

/** The Colyseus room every character session lives in. */
export const ROOM_NAME = 'character';

/** Message names a client sends. */
export const CLIENT_MESSAGES = {
  say: 'say',
  react: 'react',
  typing: 'typing',
  vote: 'vote',
  host: 'host',
  time: 'time',
} as const;
export type ClientMessageName = (typeof CLIENT_MESSAGES)[keyof typeof CLIENT_MESSAGES];

/** Message names the server sends. */
export const SERVER_MESSAGES = {
  /** A chat line, sent the moment it is accepted (state carries it too, a patch later). */
  chat: 'chat',
  utterance: 'utterance',
  subtitle: 'subtitle',
  interrupt: 'interrupt',
  reaction: 'reaction',
  time: 'time',
  error: 'error',
  /** New links, sent to the host after `revokeLinks`. */
  links: 'links',
} as const;
export type ServerMessageName = (typeof SERVER_MESSAGES)[keyof typeof SERVER_MESSAGES];

/** Longest chat message, in characters after trimming. */
export const SAY_MAX_LENGTH = 500;

/** Reactions anyone (spectators included) may send. */
export const REACTIONS = ['👏', '❤️', '😂', '😮', '😢', '🎉', '👍', '🤔'] as const;
export type Reaction = (typeof REACTIONS)[number];

const sessionId = z.string().min(1).max(64);

export const SayPayload = z.strictObject({
  text: z.string().max(SAY_MAX_LENGTH * 4).transform((t) => t.trim()).pipe(z.string().min(1, 'Type something first.').max(SAY_MAX_LENGTH, `Messages are at most ${SAY_MAX_LENGTH} characters.`)),
});
export const ReactPayload = z.strictObject({ emoji: z.enum(REACTIONS) });
export const TypingPayload = z.strictObject({ on: z.boolean() });
export const VotePayload = z.strictObject({ queueId: z.string().min(1).max(64) });
export const TimePayload = z.strictObject({ t0: z.number().finite() });

export const HostPayload = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('interrupt') }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('mute'), sessionId, muted: z.boolean().optional() }),
  z.strictObject({ action: z.literal('kick'), sessionId }),
  z.strictObject({ action: z.literal('mode'), mode: z.enum(ROOM_MODES) }),
  z.strictObject({ action: z.literal('pick'), queueId: z.string().min(1).max(64) }),
  z.strictObject({ action: z.literal('dismiss'), queueId: z.string().min(1).max(64) }),
  z.strictObject({ action: z.literal('promote'), sessionId }),
  z.strictObject({ action: z.literal('revokeLinks') }),
  z.strictObject({ action: z.literal('character'), characterId: z.string().min(1).max(64) }),
]);

export type SayMessage = z.infer<typeof SayPayload>;
export type ReactMessage = z.infer<typeof ReactPayload>;
export type TypingMessage = z.infer<typeof TypingPayload>;
export type VoteMessage = z.infer<typeof VotePayload>;
export type TimeMessage = z.infer<typeof TimePayload>;
export type HostMessage = z.infer<typeof HostPayload>;
export type HostAction = HostMessage['action'];

/** Validators by client message name. */
export const CLIENT_PAYLOADS = {
  say: SayPayload,
  react: ReactPayload,
  typing: TypingPayload,
  vote: VotePayload,
  host: HostPayload,
  time: TimePayload,
} as const satisfies Record<ClientMessageName, z.ZodType>;

/** Options a client passes to `joinById(roomId, options)`. */
export interface JoinOptions {
  /** Access token from /api/auth/guest (or Auth0). */
  token?: string;
  /** Link token from a room link (`?link=`). */
  link?: string;
  /** The client's PROTOCOL_VERSION. */
  protocol: number;
}

/** Server → client payloads. */
export interface SubtitleMessage { turnId: string; text: string }
export interface InterruptMessage { turnId: string }
export interface ReactionMessage { sessionId: string; name: string; emoji: Reaction }
export interface TimeReply { t0: number; t1: number }
export interface ErrorMessage { code: string; message: string }
export interface LinksMessage { participant: string; spectator: string }
export interface ChatMessage { id: string; kind: 'user' | 'character' | 'system'; userId: string; name: string; text: string; at: number }
