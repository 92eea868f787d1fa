import type { RoomMode } from '@shared';
import type { ApiClient, RoomLinks } from '../../net';
import { copyText, h, replace } from '../../ui/dom';
import type { CharacterPicker } from './characterPicker';

/**
 * "Start a room": pick a character (the picker, with its editor) and a mode, create the room,
 * then share its two links (participant and spectator) or walk in.
 */
export class CreateRoomCard {
  readonly el = h('section', { class: 'card create-card', 'aria-labelledby': 'create-title' });
  private mode: RoomMode = 'open';

  constructor(
    private readonly api: ApiClient,
    private readonly picker: CharacterPicker,
    private readonly notify: (m: string) => void,
    private readonly onCreated: () => void = () => undefined,
  ) {
    this.render();
  }

  /** Draws the form (disabled until signed in). */
  render(): void {
    const signedIn = Boolean(this.api.tokens.session);
    const mode = (m: RoomMode, title: string, hint: string) =>
      h(
        'button',
        {
          class: `segment${this.mode === m ? ' is-on' : ''}`,
          type: 'button',
          'aria-pressed': String(this.mode === m),
          onclick: () => {
            this.mode = m;
            this.render();
          },
        },
        h('strong', {}, title),
        h('span', {}, hint),
      );
    const error = h('p', { class: 'form-error', role: 'alert' });
    const create = h(
      'button',
      { class: 'btn btn-primary btn-wide', type: 'button', disabled: !signedIn },
      signedIn ? 'Create room' : 'Enter a name first',
    );
    create.addEventListener('click', () => {
      create.disabled = true;
      this.api.createRoom({ characterId: this.picker.selectedId || undefined, mode: this.mode }).then(
        (room) => {
          this.showLinks(room.links);
          this.onCreated();
        },
        (err: Error) => {
          error.textContent = err.message;
          create.disabled = false;
        },
      );
    });
    replace(
      this.el,
      h('div', { class: 'card-kicker' }, 'Step 2'),
      h('h2', { id: 'create-title' }, 'Start a room'),
      this.picker.el,
      h(
        'div',
        { class: 'segments' },
        mode('open', 'Open', 'Everyone talks to the character'),
        mode('hosted', 'Hosted', 'You pick the questions'),
      ),
      create,
      error,
    );
  }

  private showLinks(links: RoomLinks): void {
    const row = (title: string, hint: string, url: string) =>
      h(
        'div',
        { class: 'share-row' },
        h('div', { class: 'share-label' }, h('strong', {}, title), h('span', {}, hint)),
        h(
          'div',
          { class: 'share-field' },
          h('input', {
            class: 'link-input',
            readonly: true,
            value: url,
            'aria-label': `${title} link`,
            onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
          }),
          h(
            'button',
            {
              class: 'btn btn-small',
              type: 'button',
              onclick: async () =>
                this.notify((await copyText(url)) ? `${title} link copied` : 'Select the link and copy it'),
            },
            'Copy',
          ),
        ),
      );
    replace(
      this.el,
      h('div', { class: 'card-kicker ok' }, 'Room ready'),
      h('h2', { id: 'create-title' }, 'Share your room'),
      row('Participant link', 'People who talk to the character', links.participant),
      row('Spectator link', 'People who watch and react', links.spectator),
      h(
        'div',
        { class: 'btn-row' },
        h(
          'a',
          { class: 'btn btn-primary btn-wide', href: sameOrigin(links.participant) },
          'Enter the room →',
        ),
        h(
          'button',
          { class: 'btn btn-ghost', type: 'button', onclick: () => this.render() },
          'Create another',
        ),
      ),
    );
  }
}

/** The link's page on this origin: walking in keeps this origin's sign-in even when the server's public URL differs. */
export function sameOrigin(link: string): string {
  const u = new URL(link, location.href);
  return `${u.pathname}${u.search}`;
}
