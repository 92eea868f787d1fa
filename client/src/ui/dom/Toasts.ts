import { h } from './h';

/** Short messages at the top of the screen (errors from the server, "link copied"). Read by screen readers. */
export class Toasts {
  readonly el = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });

  /** Shows a message for a few seconds. */
  show(message: string, tone: 'info' | 'error' | 'ok' = 'info', ms = 3500): void {
    const toast = h('div', { class: `toast toast-${tone}` }, message);
    this.el.append(toast);
    while (this.el.children.length > 3) this.el.firstElementChild?.remove();
    setTimeout(() => {
      toast.classList.add('leaving');
      setTimeout(() => toast.remove(), 300);
    }, ms);
  }
}
