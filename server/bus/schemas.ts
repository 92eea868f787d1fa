import { CHARACTER_LANGUAGES, EXPRESSIONS, GESTURES, VISEMES, VOICE_PROVIDERS } from '@shared';
import { z } from 'zod';
import type { AgentEvent, Turn, TurnCancel } from './turn';

/*
 * Validators for what crosses processes through Redis. Each is checked against its TypeScript
 * contract in turn.ts (`satisfies z.ZodType<…>`), so the two cannot drift apart silently.
 */

const id = z.string().min(1);
const seq = z.number().int().nonnegative();

const voiceSettings = z.object({
  provider: z.enum(VOICE_PROVIDERS).optional(),
  voice: z.string().optional(),
  pitch: z.number().optional(),
  speed: z.number().optional(),
  speakerX: z.number().optional(),
  speakerY: z.number().optional(),
  style: z.string().optional(),
});

/** A Turn as read back from the queue. */
export const turnSchema = z.object({
  turnId: id,
  roomId: id,
  character: z.object({
    id,
    name: z.string(),
    persona: z.string(),
    greeting: z.string(),
    language: z.enum(CHARACTER_LANGUAGES),
    voice: voiceSettings,
    knowledgeBaseId: z.string().optional(),
  }),
  messages: z.array(
    z.object({
      id,
      userId: z.string(),
      name: z.string(),
      text: z.string(),
      at: z.number(),
      flagged: z.boolean().optional(),
    }),
  ),
  transcript: z.array(
    z.object({ kind: z.enum(['user', 'character', 'system']), name: z.string(), text: z.string() }),
  ),
  enqueuedAt: z.number(),
}) satisfies z.ZodType<Turn>;

const room = { roomId: id, turnId: id };

/** An AgentEvent as received on a room channel. */
export const agentEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subtitle'), ...room, seq, delta: z.string(), text: z.string() }),
  z.object({
    type: z.literal('utterance'),
    ...room,
    seq,
    text: z.string(),
    expression: z.enum(EXPRESSIONS),
    gesture: z.enum(GESTURES).optional(),
    audioUrl: z.string(),
    durationMs: z.number().nonnegative(),
    visemes: z.array(z.tuple([z.number(), z.enum(VISEMES), z.number()])),
  }),
  z.object({
    type: z.literal('done'),
    ...room,
    text: z.string(),
    utterances: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('error'), ...room, code: z.string(), message: z.string() }),
]) satisfies z.ZodType<AgentEvent>;

/** The wire form of a cancel on the control channel; `type` leaves room for other control messages. */
export const controlCancelSchema = z.object({ type: z.literal('cancel'), ...room });

/** Checks the TurnCancel contract against its wire form. */
export const turnCancelSchema = controlCancelSchema.transform(({ roomId, turnId }): TurnCancel => ({
  roomId,
  turnId,
}));
