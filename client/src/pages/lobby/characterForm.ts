import {
  CHARACTER_TEXT_LIMITS as LIMITS,
  type ApiClient,
  type CharacterDraft,
  type CharacterInfo,
  type CharacterLanguage,
  type Visibility,
} from '../../net';
import { h } from '../../ui/dom';
import { AvatarChooser } from './avatarChooser';
import type { EditorField, EditorProblem } from './characterErrors';
import { field, radioSegments, select, textArea, textInput, type Field } from './formFields';
import { VoiceFields } from './voiceFields';

const LANGUAGES: ReadonlyArray<readonly [CharacterLanguage, string]> = [
  ['en', 'English'],
  ['ja', '日本語 (Japanese)'],
];
const VISIBILITY = [
  { value: 'private', title: 'Private', hint: 'Only you can use it' },
  { value: 'public', title: 'Public', hint: 'Anyone can put it in a room' },
];

/** The editor's fields in the order of `CharacterForm.fields`, then the form-wide place. */
const FIELDS = [
  'name',
  'persona',
  'greeting',
  'language',
  'voice',
  'avatar',
  'visibility',
  'form',
] as const satisfies readonly EditorField[];

/** A blank character for "New character". */
const BLANK: CharacterDraft = {
  name: '',
  persona: '',
  greeting: '',
  language: 'en',
  voice: { provider: 'espeak' },
  avatarId: null,
  visibility: 'private',
};

/**
 * The character editor's fields: name, persona, greeting, language, voice, avatar, visibility.
 * Reads them as a draft for the API and shows a problem next to the field it concerns.
 */
export class CharacterForm {
  readonly avatars: AvatarChooser;
  readonly formError = h('p', { class: 'form-error', role: 'alert', tabindex: -1 });
  private readonly name: Field<HTMLInputElement>;
  private readonly persona: Field<HTMLTextAreaElement>;
  private readonly greeting: Field<HTMLTextAreaElement>;
  private readonly language: Field<HTMLSelectElement>;
  private readonly voice: VoiceFields;
  private readonly visibility: ReturnType<typeof radioSegments>;
  readonly fields: HTMLElement[];

  constructor(api: ApiClient, c: CharacterInfo | null) {
    const d = c ?? BLANK;
    this.name = field(
      { id: 'character-name', label: 'Name', hint: `Up to ${LIMITS.name.max} characters.` },
      textInput('name', d.name, LIMITS.name.max, { 'aria-required': 'true' }),
    );
    this.persona = field(
      {
        id: 'character-persona',
        label: 'Persona',
        hint: `Who the character is and how it talks, ${LIMITS.persona.min} to ${LIMITS.persona.max.toLocaleString('en')} characters. E.g. "You are Haru, a cheerful train conductor who…"`,
      },
      textArea('persona', d.persona, LIMITS.persona.max, 6),
    );
    this.greeting = field(
      { id: 'character-greeting', label: 'Greeting (optional)', hint: 'What it says when a room opens.' },
      textArea('greeting', d.greeting, LIMITS.greeting.max, 2),
    );
    this.language = field(
      { id: 'character-language', label: 'Language' },
      select('language', LANGUAGES, d.language),
    );
    this.voice = new VoiceFields(d.voice);
    this.avatars = new AvatarChooser(api, d.avatarId);
    this.visibility = radioSegments('visibility', 'Who can use it', VISIBILITY, d.visibility);
    this.fields = [
      this.name.wrap,
      this.persona.wrap,
      this.greeting.wrap,
      this.language.wrap,
      this.voice.el,
      this.avatars.el,
      this.visibility.fieldset,
    ];
    this.clearWhenChanged();
  }

  /** The fields as the API takes them. */
  draft(): CharacterDraft {
    return {
      name: this.name.control.value,
      persona: this.persona.control.value,
      greeting: this.greeting.control.value,
      language: this.language.control.value as CharacterLanguage,
      voice: this.voice.value(),
      avatarId: this.avatars.value(),
      visibility: this.visibility.value() as Visibility,
    };
  }

  /** Shows `problem` by its field (marking the control invalid) and moves focus there. */
  show(problem: EditorProblem): void {
    this.clear();
    const { error, focus } = this.place(problem.field);
    error.textContent = problem.message;
    focus.setAttribute('aria-invalid', 'true');
    focus.focus();
  }

  /** Clears every problem. */
  clear(): void {
    for (const f of FIELDS) this.clearOne(f);
  }

  private clearOne(f: EditorField): void {
    const { error, focus } = this.place(f);
    error.textContent = '';
    focus.removeAttribute('aria-invalid');
  }

  /** A problem goes away as soon as its field is changed. */
  private clearWhenChanged(): void {
    this.fields.forEach((el, i) => {
      const clear = () => this.clearOne(FIELDS[i]);
      el.addEventListener('input', clear);
      el.addEventListener('change', clear);
    });
  }

  private place(f: EditorField): { error: HTMLElement; focus: HTMLElement } {
    const first = (el: HTMLElement) =>
      el.querySelector<HTMLElement>('input:checked, input, select, textarea') ?? el;
    switch (f) {
      case 'name':
        return { error: this.name.error, focus: this.name.control };
      case 'persona':
        return { error: this.persona.error, focus: this.persona.control };
      case 'greeting':
        return { error: this.greeting.error, focus: this.greeting.control };
      case 'language':
        return { error: this.language.error, focus: this.language.control };
      case 'voice':
        return { error: this.voice.error, focus: first(this.voice.el) };
      case 'avatar':
        return { error: this.avatars.error, focus: first(this.avatars.el) };
      case 'visibility':
        return { error: this.visibility.error, focus: first(this.visibility.fieldset) };
      default:
        return { error: this.formError, focus: this.formError };
    }
  }
}
