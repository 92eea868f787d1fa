import type { ApiClient, CharacterInfo } from '../../net';
import { h, icon, replace } from '../../ui/dom';
import { explainCharacterError } from './characterErrors';
import { CharacterForm } from './characterForm';

/** What the editor tells the lobby. */
export interface EditorEvents {
  saved(character: CharacterInfo, created: boolean): void;
  deleted(character: CharacterInfo): void;
}

/**
 * "New character" / "Edit character" in a modal dialog: the fields, Save, and for an existing
 * character Delete behind a confirmation. The server checks everything; its refusals show next
 * to the field they concern.
 */
export class CharacterEditor {
  readonly el = h('dialog', { class: 'editor-dialog', 'aria-labelledby': 'editor-title' });
  private form: CharacterForm | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly events: EditorEvents,
  ) {
    this.el.addEventListener('close', () => {
      this.form?.avatars.reset();
      this.form = null;
      replace(this.el);
    });
  }

  /** Opens the editor on `character`, or on a blank one. */
  open(character: CharacterInfo | null): void {
    const form = new CharacterForm(this.api, character);
    this.form = form;
    const save = h(
      'button',
      { class: 'btn btn-primary', type: 'submit' },
      character ? 'Save changes' : 'Create character',
    );
    const el = h(
      'form',
      { class: 'editor-form', novalidate: true },
      h(
        'header',
        { class: 'editor-head' },
        h('h2', { id: 'editor-title' }, character ? `Edit ${character.name}` : 'New character'),
        h(
          'button',
          {
            class: 'btn btn-icon btn-ghost',
            type: 'button',
            'aria-label': 'Close',
            onclick: () => this.close(),
          },
          icon('close'),
        ),
      ),
      h('div', { class: 'editor-body' }, ...form.fields),
      h(
        'footer',
        { class: 'editor-foot' },
        form.formError,
        h(
          'div',
          { class: 'btn-row' },
          save,
          h('button', { class: 'btn btn-ghost', type: 'button', onclick: () => this.close() }, 'Cancel'),
        ),
        character && !character.isDefault ? this.deleteArea(character) : null,
      ),
    );
    el.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save(form, character, save);
    });
    replace(this.el, el);
    if (!this.el.open) this.el.showModal();
    form.fields[0].querySelector('input')?.focus();
    this.loadAvatars(form, character);
  }

  /** Closes the dialog (stopping an upload in flight). */
  close(): void {
    if (this.el.open) this.el.close();
  }

  private loadAvatars(form: CharacterForm, character: CharacterInfo | null): void {
    this.api.avatars().then(
      (catalogue) => {
        if (this.form === form)
          form.avatars.set(catalogue, character?.avatarId ?? null, character?.avatarUrl);
      },
      (err: Error) => {
        if (this.form === form) form.avatars.failed(err.message);
      },
    );
  }

  private async save(
    form: CharacterForm,
    character: CharacterInfo | null,
    button: HTMLButtonElement,
  ): Promise<void> {
    form.clear();
    button.disabled = true;
    try {
      const draft = form.draft();
      const saved = character
        ? await this.api.updateCharacter(character.id, draft)
        : await this.api.createCharacter(draft);
      this.close();
      this.events.saved(saved, !character);
    } catch (err) {
      if (this.form === form) form.show(explainCharacterError(err));
    } finally {
      button.disabled = false;
    }
  }

  /** "Delete character", then "Delete for good" / "Keep it". */
  private deleteArea(character: CharacterInfo): HTMLElement {
    const area = h('div', { class: 'delete-area' });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const ask = h(
      'button',
      { class: 'btn btn-ghost btn-small delete-start', type: 'button' },
      'Delete character…',
    );
    const keep = h('button', { class: 'btn btn-small', type: 'button' }, 'Keep it');
    const confirm = h('button', { class: 'btn btn-danger btn-small', type: 'button' }, 'Delete for good');
    const question = h(
      'div',
      { class: 'delete-confirm', role: 'group', 'aria-label': 'Confirm deletion' },
      h('p', {}, `Delete “${character.name}”? This cannot be undone.`),
      h('div', { class: 'btn-row' }, confirm, keep),
    );
    const showAsk = () => {
      replace(area, ask, error);
      ask.focus();
    };
    ask.addEventListener('click', () => {
      replace(area, question, error);
      keep.focus();
    });
    keep.addEventListener('click', showAsk);
    confirm.addEventListener('click', () => {
      confirm.disabled = true;
      this.api.deleteCharacter(character.id).then(
        () => {
          this.close();
          this.events.deleted(character);
        },
        (err: Error) => {
          error.textContent = err.message;
          confirm.disabled = false;
        },
      );
    });
    replace(area, ask, error);
    return area;
  }
}
