import { checkDisplayName, NAME_MAX_LENGTH } from '@shared/names';
import type { JoinProblem } from '../../net/room';
import { h } from '../../ui/dom';

/** What the gate can do for the person. */
export interface GateActions {
  /** Creates a guest account under `name` and joins; rejects with a message to show. */
  signIn(name: string): Promise<void>;
  retry(): void;
}

/**
 * A centred card over the stage for everything that stops someone from being in the room:
 * a name to enter before talking, a link that no longer works, a newer version, a lost connection.
 */
export class JoinGate {
  readonly el = h('div', {
    class: 'gate',
    hidden: true,
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'gate-title',
  });

  constructor(private readonly actions: GateActions) {}

  /** Shows the card for a problem; the remedy decides the buttons. */
  show(problem: JoinProblem): void {
    this.el.hidden = false;
    this.el.replaceChildren(problem.remedy === 'signIn' ? this.nameCard(problem) : this.problemCard(problem));
    this.el.querySelector<HTMLElement>('input, button')?.focus();
  }

  hide(): void {
    this.el.hidden = true;
    this.el.replaceChildren();
  }

  private problemCard(p: JoinProblem): HTMLElement {
    const button = {
      reload: h(
        'button',
        { class: 'btn btn-primary', type: 'button', onclick: () => location.reload() },
        'Reload',
      ),
      lobby: h('a', { class: 'btn btn-primary', href: '/' }, 'Back to the lobby'),
      retry: h(
        'button',
        {
          class: 'btn btn-primary',
          type: 'button',
          onclick: () => {
            this.hide();
            this.actions.retry();
          },
        },
        'Try again',
      ),
      signIn: null,
    }[p.remedy];
    return h(
      'div',
      { class: 'card gate-card' },
      h('h2', { id: 'gate-title' }, p.title),
      h('p', {}, p.message),
      h('div', { class: 'btn-row' }, button),
    );
  }

  private nameCard(p: JoinProblem): HTMLElement {
    const input = h('input', {
      class: 'text-input',
      name: 'name',
      maxlength: NAME_MAX_LENGTH * 2,
      autocomplete: 'nickname',
      placeholder: 'Your name',
      'aria-label': 'Your name',
      required: true,
    });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Join');
    const form = h(
      'form',
      { class: 'card gate-card' },
      h('h2', { id: 'gate-title' }, p.title),
      h('p', {}, p.message),
      h('div', { class: 'field-row' }, input, submit),
      error,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const check = checkDisplayName(input.value);
      if (!check.ok) {
        error.textContent = check.reason;
        return;
      }
      submit.disabled = true;
      this.actions.signIn(check.name).then(
        () => this.hide(),
        (err: Error) => {
          error.textContent = err.message;
          submit.disabled = false;
        },
      );
    });
    return form;
  }
}
