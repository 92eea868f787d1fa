import type { AvatarInfo, CharacterInfo } from '../../net';
import { h, replace } from '../../ui/dom';
import { badgesOf, blurbOf } from './characterSummary';
import { portrait, portraitUrl } from './portraits';

/** What the picker asks the lobby to do. */
export interface PickerActions {
  edit(character: CharacterInfo): void;
  create(): void;
}

/**
 * "Choose a character": one card per character the caller may use (portrait, name, a short
 * description, badges), a radio group whose choice hosts the next room; Edit on your own, and
 * a "New character" card when signed in.
 */
export class CharacterPicker {
  readonly el = h('fieldset', { class: 'character-picker' });
  private characters: CharacterInfo[] = [];
  private avatars = new Map<string, AvatarInfo>();
  private userId: string | null = null;
  private chosen = '';

  constructor(private readonly actions: PickerActions) {
    this.draw();
  }

  /** The chosen character's id ('' while there is none). */
  get selectedId(): string {
    return this.chosen;
  }

  /** Shows `characters`; keeps the choice if it is still there (or takes `select`), else the first. */
  set(characters: CharacterInfo[], avatars: AvatarInfo[], userId: string | null, select?: string): void {
    this.characters = characters;
    this.avatars = new Map(avatars.map((a) => [a.id, a]));
    this.userId = userId;
    const keep = [select, this.chosen].find((id) => id && characters.some((c) => c.id === id));
    this.chosen = keep ?? characters[0]?.id ?? '';
    this.draw();
  }

  private draw(): void {
    const legend = h('legend', { class: 'picker-legend' }, 'Character');
    const cards = this.characters.map((c, i) => this.card(c, i));
    const create = h(
      'li',
      { class: 'character-card character-new-card' },
      h(
        'button',
        {
          class: 'character-new',
          type: 'button',
          disabled: !this.userId,
          onclick: () => this.actions.create(),
        },
        h('span', { class: 'new-plus', 'aria-hidden': 'true' }, '+'),
        h(
          'span',
          {},
          h('span', { class: 'character-name' }, 'New character'),
          h(
            'span',
            { class: 'character-blurb' },
            this.userId ? 'Your own persona, voice and avatar' : 'Enter a name first',
          ),
        ),
      ),
    );
    replace(this.el, legend, h('ul', { class: 'character-cards' }, ...cards, create));
  }

  private card(c: CharacterInfo, i: number): HTMLElement {
    const radio = h('input', {
      class: 'card-radio',
      type: 'radio',
      name: 'character',
      value: c.id,
      checked: c.id === this.chosen,
      'aria-describedby': `character-${c.id}-blurb`,
    });
    radio.addEventListener('change', () => {
      if (radio.checked) this.chosen = c.id;
    });
    const avatar = c.avatarId ? this.avatars.get(c.avatarId) : undefined;
    const badges = badgesOf(c, this.userId);
    return h(
      'li',
      { class: 'character-card' },
      h(
        'label',
        { class: 'character-choice' },
        radio,
        portrait(c.name, portraitUrl(c.avatarUrl, avatar), i, 'card-portrait'),
        h(
          'span',
          { class: 'character-text' },
          h('span', { class: 'character-name' }, c.name),
          h('span', { class: 'character-blurb', id: `character-${c.id}-blurb` }, blurbOf(c)),
          h(
            'span',
            { class: 'badges' },
            ...badges.map((b) => h('span', { class: `badge badge-${b.tone}` }, b.text)),
          ),
        ),
      ),
      c.editable
        ? h(
            'button',
            {
              class: 'btn btn-small btn-ghost character-edit',
              type: 'button',
              'aria-label': `Edit ${c.name}`,
              onclick: () => this.actions.edit(c),
            },
            'Edit',
          )
        : null,
    );
  }
}
