import type { QueueItemView, RoomView } from '../../net/room';
import { h, replace } from './h';

/** What the queue panel asks the page to do. */
export interface QueueActions {
  pick(queueId: string): void;
  dismiss(queueId: string): void;
  vote(queueId: string): void;
}

/**
 * Hosted mode's questions: the host answers or dismisses them; everyone else upvotes (once each)
 * to help the host choose. Shown only in hosted mode.
 */
export class QueuePanel {
  readonly el = h('aside', { class: 'queue-panel', 'aria-label': 'Questions' });
  private readonly voted = new Set<string>();
  private key = '';
  collapsed = false;

  constructor(private readonly actions: QueueActions) {}

  /** Applies the snapshot. */
  set(view: RoomView): void {
    const isHost = view.me?.role === 'host';
    const key = JSON.stringify([
      view.mode,
      view.queue,
      isHost,
      this.collapsed,
      [...this.voted],
      view.me?.userId,
    ]);
    if (key === this.key) return;
    this.key = key;
    this.el.hidden = view.mode !== 'hosted';
    if (this.el.hidden) return;
    const items = [...view.queue].sort(
      (a, b) => Number(b.picked) - Number(a.picked) || b.votes - a.votes || a.at - b.at,
    );
    const head = h(
      'button',
      {
        class: 'queue-head',
        type: 'button',
        'aria-expanded': String(!this.collapsed),
        onclick: () => {
          this.collapsed = !this.collapsed;
          this.set(view);
        },
      },
      h('span', {}, 'Questions'),
      h('span', { class: 'count' }, String(items.length)),
      h('span', { class: 'chev', 'aria-hidden': 'true' }, this.collapsed ? '▴' : '▾'),
    );
    const list = h('ol', { class: 'queue-list' });
    for (const item of items) list.append(this.row(item, isHost, item.userId === view.me?.userId));
    const empty = h(
      'p',
      { class: 'hint' },
      isHost
        ? 'Questions from the audience appear here.'
        : 'Ask a question below; the host picks which one is answered.',
    );
    replace(this.el, head, this.collapsed ? null : items.length ? list : empty);
  }

  private row(item: QueueItemView, isHost: boolean, mine: boolean): HTMLElement {
    const votedAlready = this.voted.has(item.id);
    const actions = isHost
      ? h(
          'div',
          { class: 'queue-actions' },
          h(
            'button',
            {
              class: 'btn btn-small btn-primary',
              type: 'button',
              disabled: item.picked,
              onclick: () => this.actions.pick(item.id),
            },
            item.picked ? 'Next' : 'Answer',
          ),
          h(
            'button',
            {
              class: 'btn btn-small btn-ghost',
              type: 'button',
              'aria-label': `Dismiss the question from ${item.name}`,
              onclick: () => this.actions.dismiss(item.id),
            },
            'Dismiss',
          ),
        )
      : h(
          'button',
          {
            class: `vote${votedAlready ? ' is-on' : ''}`,
            type: 'button',
            disabled: votedAlready || mine,
            'aria-label': `Upvote the question from ${item.name}`,
            onclick: () => {
              this.voted.add(item.id);
              this.key = '';
              this.actions.vote(item.id);
            },
          },
          '▲',
        );
    return h(
      'li',
      { class: `queue-item${item.picked ? ' is-picked' : ''}` },
      h('div', { class: 'queue-votes', 'aria-label': `${item.votes} votes` }, String(item.votes)),
      h(
        'div',
        { class: 'queue-body' },
        h('div', { class: 'queue-name' }, item.name),
        h('div', { class: 'queue-text' }, item.text),
      ),
      actions,
    );
  }
}
