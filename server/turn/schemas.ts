import { CHARACTER_LANGUAGES, EXPRESSIONS, GESTURES, VISEMES, VOICE_PROVIDERS } from '@shared';
import { z } from 'zod';
import type { AgentEvent, CharacterProfile, TranscriptLine, Turn, TurnMessage, VoiceSettings } from './turn';

/*
 * Validators for the turn's vocabulary as it crosses processes. Each is checked against its
 * TypeScript contract in turn.ts (`satisfies z.ZodType<…>`), so the two cannot drift apart silently.
 */

const id = z.string().min(1);
const seq = z.number().int().nonnegative();

export const voiceSettingsSchema = z.object({
  provider: z.enum(VOICE_PROVIDERS).optional(),
  voice: z.string().optional(),
  pitch: z.number().optional(),
  speed: z.number().optional(),
  speakerX: z.number().optional(),
  speakerY: z.number().optional(),
  style: z.string().optional(),
}) satisfies z.ZodType<VoiceSettings>;

export const characterProfileSchema = z.object({
  id,
  name: z.string(),
  persona: z.string(),
  greeting: z.string(),
  language: z.enum(CHARACTER_LANGUAGES),
  voice: voiceSettingsSchema,
  knowledgeBaseId: z.string().optional(),
}) satisfies z.ZodType<CharacterProfile>;

export const turnMessageSchema = z.object({
  id,
  userId: z.string(),
  name: z.string(),
  text: z.string(),
  at: z.number(),
  flagged: z.boolean().optional(),
}) satisfies z.ZodType<TurnMessage>;

export const transcriptLineSchema = z.object({
  kind: z.enum(['user', 'character', 'system']),
  name: z.string(),
  text: z.string(),
}) satisfies z.ZodType<TranscriptLine>;

/** A Turn as read back from the queue. */
export const turnSchema = z.object({
  turnId: id,
  roomId: id,
  character: characterProfileSchema,
  messages: z.array(turnMessageSchema),
  transcript: z.array(transcriptLineSchema),
  enqueuedAt: z.number(),
  traceparent: z.string().max(64).optional(),
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
