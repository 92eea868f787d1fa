import type { HostMessage } from '@shared';
import type { MemberView, RoomView } from '../../net/room';
import { copyText, h, replace } from './h';
import { icon } from './icons';

/** What the host panel asks the page to do. */
export interface HostActions {
  host(message: HostMessage): void;
  notify(message: string, tone?: 'info' | 'error' | 'ok'): void;
}

/** Most audience members listed by name (the rest are summarised). */
const MAX_PEOPLE = 40;

/**
 * The host's drawer: interrupt, pause/resume, room mode, the two links (copy, replace) and the
 * people in the room with mute, promote and remove. Rebuilt only while open and when its inputs change.
 */
export class HostPanel {
  readonly el = h('aside', { class: 'drawer host-panel', 'aria-label': 'Host controls', hidden: true });
  private key = '';
  private armed = '';
  private characters: { id: string; name: string }[] = [];

  constructor(private readonly actions: HostActions) {}

  /** The characters the host may switch to (from GET /api/characters). */
  setCharacters(list: { id: string; name: string }[], view?: RoomView): void {
    this.characters = list;
    if (view) this.set(view, true);
  }

  get open(): boolean {
    return !this.el.hidden;
  }

  /** Opens or closes the drawer. */
  toggle(open = !this.open, view?: RoomView): void {
    this.el.hidden = !open;
    if (open && view) this.set(view, true);
  }

  /** Applies the room snapshot. */
  set(view: RoomView, force = false): void {
    if (!this.open) return;
    const key = JSON.stringify([
      view.members,
      view.mode,
      view.paused,
      view.activeTurnId,
      view.character.speaking,
      view.character.id,
      view.character.name,
      view.links,
      view.sessionId,
      this.armed,
    ]);
    if (key === this.key && !force) return;
    this.key = key;
    replace(
      this.el,
      h(
        'div',
        { class: 'drawer-head' },
        h('h2', {}, 'Host controls'),
        h(
          'button',
          { class: 'btn btn-icon', type: 'button', 'aria-label': 'Close', onclick: () => this.toggle(false) },
          icon('close'),
        ),
      ),
      this.stageSection(view),
      this.modeSection(view),
      this.linksSection(view),
      this.peopleSection(view),
    );
  }

  private stageSection(view: RoomView): HTMLElement {
    const busy = Boolean(view.activeTurnId) || view.character.speaking;
    return h(
      'section',
      { class: 'drawer-section' },
      h('h3', {}, view.character.name || 'Character'),
      this.characterPicker(view),
      h(
        'div',
        { class: 'btn-row' },
        h(
          'button',
          {
            class: 'btn btn-danger',
            type: 'button',
            disabled: !busy,
            onclick: () => this.actions.host({ action: 'interrupt' }),
          },
          '■ Interrupt',
        ),
        view.paused
          ? h(
              'button',
              { class: 'btn', type: 'button', onclick: () => this.actions.host({ action: 'resume' }) },
              '▶ Resume',
            )
          : h(
              'button',
              { class: 'btn', type: 'button', onclick: () => this.actions.host({ action: 'pause' }) },
              '❚❚ Pause',
            ),
      ),
    );
  }

  /** A select to switch the character (shown when there is more than one to choose from). */
  private characterPicker(view: RoomView): HTMLElement | null {
    if (this.characters.length < 2) return null;
    const select = h(
      'select',
      { class: 'select', 'aria-label': 'Character on stage' },
      ...this.characters.map((c) =>
        h('option', { value: c.id, selected: c.id === view.character.id }, c.name),
      ),
    );
    select.addEventListener('change', () =>
      this.actions.host({ action: 'character', characterId: select.value }),
    );
    return select;
  }

  private modeSection(view: RoomView): HTMLElement {
    const option = (mode: 'open' | 'hosted', title: string, hint: string) =>
      h(
        'button',
        {
          class: `segment${view.mode === mode ? ' is-on' : ''}`,
          type: 'button',
          'aria-pressed': String(view.mode === mode),
          onclick: () => {
            if (view.mode !== mode) this.actions.host({ action: 'mode', mode });
          },
        },
        h('strong', {}, title),
        h('span', {}, hint),
      );
    return h(
      'section',
      { class: 'drawer-section' },
      h('h3', {}, 'Room mode'),
      h(
        'div',
        { class: 'segments' },
        option('open', 'Open', 'Everyone talks'),
        option('hosted', 'Hosted', 'You pick questions'),
      ),
    );
  }

  private linksSection(view: RoomView): HTMLElement {
    const links = view.links;
    if (!links)
      return h(
        'section',
        { class: 'drawer-section' },
        h('h3', {}, 'Links'),
        h('p', { class: 'hint' }, 'Only the person who created the room sees its links.'),
      );
    const row = (title: string, url: string) =>
      h(
        'div',
        { class: 'link-row' },
        h('label', {}, title),
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
              this.actions.notify(
                (await copyText(url))
                  ? `${title} link copied`
                  : 'Could not copy: select the link and copy it',
                'ok',
              ),
          },
          'Copy',
        ),
      );
    const revoke = this.confirmButton('revoke', 'Replace both links', 'Old links stop working: confirm', () =>
      this.actions.host({ action: 'revokeLinks' }),
    );
    return h(
      'section',
      { class: 'drawer-section' },
      h('h3', {}, 'Links'),
      row('Participant', links.participant),
      row('Spectator', links.spectator),
      revoke,
    );
  }

  private peopleSection(view: RoomView): HTMLElement {
    const others = view.members.filter((m) => m.sessionId !== view.sessionId);
    const list = h('ul', { class: 'people' });
    for (const m of others.slice(0, MAX_PEOPLE)) list.append(this.personRow(m));
    const rest = others.length - MAX_PEOPLE;
    return h(
      'section',
      { class: 'drawer-section' },
      h('h3', {}, `People (${others.length})`),
      others.length ? list : h('p', { class: 'hint' }, 'Nobody else is here yet. Share a link!'),
      rest > 0 ? h('p', { class: 'hint' }, `and ${rest} more watching`) : null,
    );
  }

  private personRow(m: MemberView): HTMLElement {
    const controls = h(
      'div',
      { class: 'person-actions' },
      m.role !== 'spectator'
        ? h(
            'button',
            {
              class: 'btn btn-small',
              type: 'button',
              onclick: () => this.actions.host({ action: 'mute', sessionId: m.sessionId, muted: !m.muted }),
            },
            m.muted ? 'Unmute' : 'Mute',
          )
        : null,
      m.role !== 'host' && m.role !== 'spectator'
        ? h(
            'button',
            {
              class: 'btn btn-small',
              type: 'button',
              onclick: () => this.actions.host({ action: 'promote', sessionId: m.sessionId }),
            },
            'Make host',
          )
        : null,
      m.role !== 'host'
        ? this.confirmButton(
            `kick:${m.sessionId}`,
            'Remove',
            'Sure?',
            () => this.actions.host({ action: 'kick', sessionId: m.sessionId }),
            'btn-small btn-danger',
          )
        : null,
    );
    return h(
      'li',
      { class: `person${m.connected ? '' : ' is-away'}` },
      h('span', { class: `role-dot role-${m.role}`, 'aria-hidden': 'true' }),
      h('span', { class: 'person-name' }, m.name),
      h('span', { class: `role-tag role-${m.role}` }, m.role),
      m.muted ? h('span', { class: 'role-tag muted' }, 'muted') : null,
      controls,
    );
  }

  /** A button that asks once more before acting (no blocking dialogs). */
  private confirmButton(
    id: string,
    text: string,
    confirmText: string,
    act: () => void,
    cls = 'btn-ghost',
  ): HTMLButtonElement {
    const armed = this.armed === id;
    return h(
      'button',
      {
        class: `btn ${cls}${armed ? ' is-armed' : ''}`,
        type: 'button',
        onclick: () => {
          if (this.armed === id) {
            this.armed = '';
            act();
            return;
          }
          this.armed = id;
          this.key = '';
          setTimeout(() => {
            if (this.armed === id) {
              this.armed = '';
              this.key = '';
            }
          }, 4000);
        },
      },
      armed ? confirmText : text,
    );
  }
}
