/**
 * eSpeak NG command-line arguments for a request: voice (language + variant such as `+f3`),
 * pitch (0–99, default 50) and rate (words per minute, default 175) from VoiceSettings.
 */
import { type Language, type VoiceSettings } from '../../turn';

const DEFAULT_PITCH = 50;
const DEFAULT_RATE = 175;
const VOICE_NAME = /^(?<language>[a-z]{2,3}(?:-[a-z0-9]+)*)?(?<variant>\+[a-z0-9_-]+)?$/i;

/** The eSpeak voice for `language`, keeping a variant (`+f3`) or English accent (`en-gb`) from `voice`. */
export function espeakVoice(language: Language, voice: string | undefined): string {
  const match = VOICE_NAME.exec(voice?.trim() ?? '');
  const variant = match?.groups?.variant ?? '';
  const requested = match?.groups?.language?.toLowerCase();
  if (language === 'ja') return `ja${variant}`;
  const accent = requested?.startsWith('en') ? requested : 'en-us';
  return `${accent}${variant}`;
}

/** Arguments for synthesis; `phonemes` adds `--ipa` so eSpeak also prints what it said. */
export function espeakArgs(language: Language, voice: VoiceSettings, phonemes: boolean): string[] {
  const pitch = clamp(Math.round(DEFAULT_PITCH * (voice.pitch ?? 1)), 0, 99);
  const rate = clamp(Math.round(DEFAULT_RATE * (voice.speed ?? 1)), 80, 450);
  const args = ['-v', espeakVoice(language, voice.voice), '-p', String(pitch), '-s', String(rate)];
  if (phonemes) args.push('--ipa');
  return args;
}

/**
 * Text eSpeak can say. `[[...]]` would switch it to raw phoneme input, so it is removed. eSpeak's
 * Japanese voice has no kanji readings and says "Chinese letter" (in English) for each kanji, so
 * in Japanese kanji are left out (a short pause instead): the subtitle still shows them.
 */
export function espeakSafeText(text: string, language: Language = 'en'): string {
  let safe = text.replace(/\[\[|\]\]/g, ' ');
  if (language === 'ja') safe = safe.replace(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]+/gu, '、');
  return safe.replace(/\s+/g, ' ').trim();
}

function clamp(value: number, lo: number, hi: number): number {
  return Number.isFinite(value) ? Math.max(lo, Math.min(hi, value)) : lo;
}
