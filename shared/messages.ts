import { z } from 'zod';
import { REACTIONS, SAY_MAX_LENGTH, type ClientMessageName, type Reaction } from './messageNames';
import { ROOM_MODES } from './state';

export {
  ROOM_NAME,
  CLIENT_MESSAGES,
  SERVER_MESSAGES,
  SAY_MAX_LENGTH,
  REACTIONS,
  type ClientMessageName,
  type ServerMessageName,
  type Reaction,
} from './messageNames';

const sessionId = z.string().min(1).max(64);

export const SayPayload = z.strictObject({
  text: z
    .string()
    .max(SAY_MAX_LENGTH * 4)
    .transform((t) => t.trim())
    .pipe(
      z
        .string()
        .min(1, 'Type something first.')
        .max(SAY_MAX_LENGTH, `Messages are at most ${SAY_MAX_LENGTH} characters.`),
    ),
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
export interface SubtitleMessage {
  turnId: string;
  text: string;
}
export interface InterruptMessage {
  turnId: string;
}
export interface ReactionMessage {
  sessionId: string;
  name: string;
  emoji: Reaction;
}
export interface TimeReply {
  t0: number;
  t1: number;
}
export interface ErrorMessage {
  code: string;
  message: string;
  /** Set when the error refuses a `say`: its text was not posted (the client gives it back to edit). */
  about?: 'say';
}
export interface LinksMessage {
  participant: string;
  spectator: string;
}
export interface ChatMessage {
  id: string;
  kind: 'user' | 'character' | 'system';
  userId: string;
  name: string;
  text: string;
  at: number;
}
