import { checkDisplayName, NAME_MAX_LENGTH } from '@shared/names';
import type { ApiClient } from '../../net';
import { h, replace } from '../../ui/dom';

/**
 * "Who are you?": one field that makes a guest account, or, once signed in, the name with a
 * way to change it (a new guest account).
 */
export class NameCard {
  readonly el = h('section', { class: 'card name-card', 'aria-labelledby': 'name-title' });

  constructor(
    private readonly api: ApiClient,
    private readonly onChange: () => void,
  ) {
    this.render();
  }

  /** Draws the signed-in or signed-out state. */
  render(editing = false): void {
    const session = this.api.tokens.session;
    if (session && !editing) {
      replace(
        this.el,
        h('div', { class: 'card-kicker' }, 'You'),
        h(
          'div',
          { class: 'who' },
          h('span', { class: 'avatar-dot', 'aria-hidden': 'true' }, initial(session.user.name)),
          h(
            'div',
            {},
            h('h2', { id: 'name-title', class: 'who-name' }, session.user.name),
            h('div', { class: 'hint' }, 'Guest account on this device'),
          ),
          h(
            'button',
            { class: 'btn btn-ghost btn-small', type: 'button', onclick: () => this.render(true) },
            'Change',
          ),
        ),
      );
      return;
    }
    const input = h('input', {
      class: 'text-input',
      id: 'guest-name',
      name: 'name',
      maxlength: NAME_MAX_LENGTH * 2,
      autocomplete: 'nickname',
      placeholder: 'e.g. Aiko',
      required: true,
      value: session?.user.name ?? '',
    });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Continue');
    const form = h(
      'form',
      { class: 'name-form' },
      h('div', { class: 'card-kicker' }, 'Step 1'),
      h('h2', { id: 'name-title' }, 'What should we call you?'),
      h('p', { class: 'hint' }, 'Pick a name and you are in: no sign-up, no e-mail.'),
      h('label', { class: 'sr-only', for: 'guest-name' }, 'Your name'),
      h('div', { class: 'field-row' }, input, submit),
      error,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const check = checkDisplayName(input.value);
      if (!check.ok) {
        error.textContent = check.reason;
        input.focus();
        return;
      }
      submit.disabled = true;
      this.api.signInGuest(check.name).then(
        () => {
          this.render();
          this.onChange();
        },
        (err: Error) => {
          error.textContent = err.message;
          submit.disabled = false;
        },
      );
    });
    replace(this.el, form);
    if (editing) input.focus();
  }
}

/** The first letter of a name, for its round badge. */
export function initial(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?';
}
