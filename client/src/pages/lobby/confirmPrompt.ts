import { ApiError } from '../../net';
import { h } from '../../ui/dom';

/** What a confirmation asks, and what it runs once confirmed. */
export interface ConfirmOptions {
  question: string;
  confirmLabel: string;
  /** The action; its refusal is shown inside the prompt, which stays open. */
  run(): Promise<void>;
  /** Called after the action succeeded, or (with `false`) when the person kept it. */
  closed(done: boolean): void;
}

/** A server refusal in plain words (its own message), or a generic retry hint. */
export function refusalOf(err: unknown, what: string): string {
  if (err instanceof ApiError) return err.message;
  return `Could not ${what}. Please try again.`;
}

/**
 * "Delete “X”? This cannot be undone." with the confirming (danger) button and "Keep it";
 * focus starts on "Keep it" so a stray Enter keeps things as they are.
 */
export function confirmPrompt(options: ConfirmOptions): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const confirm = h('button', { class: 'btn btn-danger btn-small', type: 'button' }, options.confirmLabel);
  const keep = h('button', { class: 'btn btn-small', type: 'button' }, 'Keep it');
  const el = h(
    'div',
    { class: 'delete-confirm', role: 'group', 'aria-label': 'Confirm deletion' },
    h('p', {}, options.question),
    h('div', { class: 'btn-row' }, confirm, keep),
    error,
  );
  keep.addEventListener('click', () => options.closed(false));
  confirm.addEventListener('click', () => {
    confirm.disabled = true;
    error.textContent = '';
    options.run().then(
      () => options.closed(true),
      (err: unknown) => {
        error.textContent = refusalOf(err, 'delete it');
        confirm.disabled = false;
      },
    );
  });
  queueMicrotask(() => {
    if (el.isConnected) keep.focus();
  });
  return el;
}
