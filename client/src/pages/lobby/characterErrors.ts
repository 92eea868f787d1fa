import { ApiError } from '../../net';

/** The editor's places where a problem can be shown ('form': above the buttons). */
export type EditorField =
  'name' | 'persona' | 'greeting' | 'language' | 'voice' | 'avatar' | 'visibility' | 'form';

/** A problem to show, and where. */
export interface EditorProblem {
  field: EditorField;
  message: string;
}

const FIELD_OF_PATH: Record<string, EditorField> = {
  name: 'name',
  persona: 'persona',
  greeting: 'greeting',
  language: 'language',
  voice: 'voice',
  avatarId: 'avatar',
  visibility: 'visibility',
};

/**
 * Turns a refusal from POST/PATCH /api/characters into plain words next to the right field:
 * "Invalid character: persona: persona needs at least 20 characters." → persona, "Persona needs
 * at least 20 characters." Anything else keeps the server's message, shown above the buttons.
 */
export function explainCharacterError(err: unknown): EditorProblem {
  if (!(err instanceof ApiError))
    return { field: 'form', message: 'Something went wrong while saving. Please try again.' };
  if (err.code === 'invalid_avatar')
    return { field: 'avatar', message: 'That avatar is not yours to use. Pick another one from the list.' };
  if (err.code === 'avatar_not_public') return { field: 'visibility', message: err.message };
  if (err.code !== 'invalid_character') return { field: 'form', message: err.message };
  const detail = err.message.replace(/^Invalid character:\s*/, '');
  const where = /^([A-Za-z]+)(?:\.[A-Za-z.]+)?:\s*(.*)$/.exec(detail);
  const field = where ? FIELD_OF_PATH[where[1]] : undefined;
  if (!where || !field) return { field: 'form', message: sentence(detail) };
  return { field, message: sentence(where[2]) };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return 'Please check this field.';
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
