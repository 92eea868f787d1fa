import type { ChatEntry } from '../../net/room';
import { h } from './h';

/**
 * Mirrors new chat lines into a visually hidden live region, so screen readers hear what the
 * canvas HUD shows. Only lines newer than the last announced one are read.
 */
export class ChatAnnouncer {
  readonly el = h('div', {
    class: 'sr-only',
    'aria-live': 'polite',
    'aria-relevant': 'additions',
    role: 'log',
    'aria-label': 'Chat',
  });
  private readonly seen = new Set<string>();
  private primed = false;

  /** Announces lines not announced before (the backlog at join is skipped). */
  set(chat: readonly ChatEntry[]): void {
    const fresh = chat.filter((c) => !this.seen.has(c.id));
    for (const c of fresh) this.seen.add(c.id);
    if (!this.primed) {
      this.primed = true;
      return;
    }
    for (const c of fresh.slice(-5))
      this.el.append(h('p', {}, c.kind === 'system' ? c.text : `${c.name}: ${c.text}`));
    while (this.el.children.length > 20) this.el.firstElementChild?.remove();
  }
}
