import type { RoomSummary } from '../../net';
import { h, icon, replace } from '../../ui/dom';
import { initial } from './nameCard';

/** The public rooms, live: who hosts, which character, how many talk and watch. */
export class RoomList {
  readonly el = h('section', { class: 'card rooms-card', 'aria-labelledby': 'rooms-title' });

  constructor() {
    this.set(null);
  }

  /** Shows the rooms (null: loading; a string: an error). */
  set(rooms: RoomSummary[] | null | string): void {
    const head = h(
      'div',
      { class: 'rooms-head' },
      h('h2', { id: 'rooms-title' }, 'Live rooms'),
      h('span', { class: 'live-chip' }, h('span', { class: 'live-dot' }), 'Live'),
    );
    if (rooms === null) return replace(this.el, head, h('p', { class: 'hint' }, 'Looking for rooms…'));
    if (typeof rooms === 'string') return replace(this.el, head, h('p', { class: 'form-error' }, rooms));
    if (rooms.length === 0)
      return replace(
        this.el,
        head,
        h(
          'div',
          { class: 'empty' },
          h('div', { class: 'empty-icon', 'aria-hidden': 'true' }, icon('people', 44)),
          h('p', {}, 'No public rooms right now.'),
          h('p', { class: 'hint' }, 'Start one and share the link!'),
        ),
      );
    replace(this.el, head, h('ul', { class: 'room-list' }, ...rooms.map((r, i) => this.row(r, i))));
  }

  private row(r: RoomSummary, i: number): HTMLElement {
    return h(
      'li',
      { class: 'room-row' },
      h('span', { class: `portrait portrait-${i % 4}`, 'aria-hidden': 'true' }, initial(r.character.name)),
      h(
        'div',
        { class: 'room-info' },
        h(
          'div',
          { class: 'room-title' },
          r.character.name,
          r.mode === 'hosted' ? h('span', { class: 'chip chip-hosted' }, 'Hosted') : null,
        ),
        h(
          'div',
          { class: 'hint' },
          `with ${r.hostName || 'someone'} · ${r.participants} talking · ${r.spectators} watching`,
        ),
      ),
      h(
        'a',
        {
          class: 'btn btn-small',
          href: `/r/${encodeURIComponent(r.roomId)}`,
          'aria-label': `Watch ${r.character.name}`,
        },
        'Watch',
      ),
    );
  }
}
