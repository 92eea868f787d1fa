import { z } from 'zod';
import {
  CHARACTER_LANGUAGES,
  CHARACTER_TEXT_LIMITS,
  KOEIROMAP_STYLES,
  OPENAI_VOICES,
  VISIBILITIES,
  VOICE_RANGES,
} from '@shared';
import { HttpError } from '../http';

/** Control, bidi-override and isolate characters: they hide or reorder text. Tabs and newlines are fine in long text. */
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const HIDDEN_OR_NEWLINE = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

const text = (what: string, { min, max }: { min: number; max: number }, forbidden = HIDDEN) =>
  z
    .string({ error: (i) => (i.input === undefined ? `${what} is required` : `${what} must be text`) })
    .trim()
    .min(min, min === 1 ? `${what} cannot be empty` : `${what} needs at least ${min} characters`)
    .max(max, `${what} is at most ${max} characters`)
    .refine((s) => !forbidden.test(s), `${what} contains invisible or control characters`);

const ratio = (what: string, { min, max }: { min: number; max: number }) =>
  z.number().min(min, `${what} is at least ${min}`).max(max, `${what} is at most ${max}`);

/** eSpeak NG: a voice such as `en-us`, `ja` or `en-us+f3`; pitch and speed relative to the voice. */
const EspeakVoice = z.strictObject({
  provider: z.literal('espeak'),
  voice: z
    .string()
    .regex(
      /^[a-z]{2,3}(-[a-z0-9]{1,8})*(\+[a-z0-9_-]{1,16})?$/i,
      'voice must be an eSpeak voice such as "en-us" or "en-us+f3"',
    )
    .optional(),
  pitch: ratio('pitch', VOICE_RANGES.espeakPitch).optional(),
  speed: ratio('speed', VOICE_RANGES.espeakSpeed).optional(),
});

/** Koeiromap: a speaker position on its two axes and a speaking style. */
const KoeiromapVoice = z.strictObject({
  provider: z.literal('koeiromap'),
  speakerX: ratio('speakerX', VOICE_RANGES.koeiromapSpeaker).optional(),
  speakerY: ratio('speakerY', VOICE_RANGES.koeiromapSpeaker).optional(),
  style: z.enum(KOEIROMAP_STYLES).optional(),
});

/** OpenAI text-to-speech: one of its named voices and a speed. */
const OpenAiVoice = z.strictObject({
  provider: z.literal('openai'),
  voice: z.enum(OPENAI_VOICES).optional(),
  speed: ratio('speed', VOICE_RANGES.openaiSpeed).optional(),
});

/** How a character sounds, checked per provider. */
export const VoiceInput = z.discriminatedUnion('provider', [EspeakVoice, KoeiromapVoice, OpenAiVoice], {
  error: 'voice.provider must be one of espeak, koeiromap, openai',
});

const fields = {
  name: text('name', CHARACTER_TEXT_LIMITS.name, HIDDEN_OR_NEWLINE),
  persona: text('persona', CHARACTER_TEXT_LIMITS.persona),
  greeting: text('greeting', CHARACTER_TEXT_LIMITS.greeting),
  language: z.enum(CHARACTER_LANGUAGES, 'language must be "en" or "ja"'),
  voice: VoiceInput,
  avatarId: z.uuid('avatarId must be an avatar id from GET /api/avatars').nullable(),
  visibility: z.enum(VISIBILITIES, 'visibility must be "private" or "public"'),
};

/** POST /api/characters: name and persona are required; the rest has friendly defaults. */
export const CreateCharacter = z.strictObject({
  ...fields,
  greeting: fields.greeting.default(''),
  language: fields.language.default('en'),
  voice: fields.voice.default({ provider: 'espeak' }),
  avatarId: fields.avatarId.default(null),
  visibility: fields.visibility.default('private'),
});

/** PATCH /api/characters/:id: any subset, at least one field. */
export const UpdateCharacter = z
  .strictObject(fields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'send at least one field to change');

/** A validated new character. */
export type CharacterInput = z.infer<typeof CreateCharacter>;
/** A validated change. */
export type CharacterPatch = z.infer<typeof UpdateCharacter>;

/** Parses `body` with `schema`, or throws a 400 naming the first problem. */
export function parseInput<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue?.message;
  throw new HttpError(400, 'invalid_character', `Invalid character: ${where}${message}.`);
}
