import type { ApiClient, AvatarCatalogue, AvatarInfo } from '../../net';
import { h, replace } from '../../ui/dom';
import { ownerMayDelete, ownStatusText } from './avatarStatus';
import { AvatarUpload } from './avatarUpload';
import { confirmPrompt } from './confirmPrompt';
import { portrait, portraitUrl } from './portraits';

/** Short labels for an avatar tile (the caller's own uploads show their status on a line of its own). */
function tagsOf(a: AvatarInfo): string[] {
  const tags: string[] = [];
  if (a.mine) tags.push('Yours');
  if (!a.mine && a.status === 'pending') tags.push('Awaiting review');
  if (!a.lipSync) tags.push('No lip-sync');
  return tags;
}

/**
 * The "Avatar" part of the character editor: the avatars the caller may use (GET /api/avatars)
 * as a radio group of tiles, and an upload that adds and selects a new one. The caller's own
 * uploads show whether they are reviewed, and can be deleted (after a confirmation) until approved.
 */
export class AvatarChooser {
  readonly error = h('p', { class: 'field-error', id: 'avatar-error', 'aria-live': 'polite' });
  private readonly list = h('div', { class: 'avatar-tiles' });
  private readonly confirmArea = h('div', { class: 'avatar-confirm' });
  private readonly notice = h('p', { class: 'avatar-notice', role: 'status' });
  private readonly upload: AvatarUpload;
  private avatars: AvatarInfo[] = [];
  private selected: string | null = null;
  readonly el: HTMLFieldSetElement;

  /** `initial`: the avatar chosen so far, kept while the catalogue loads (or if it fails to). */
  constructor(
    private readonly api: ApiClient,
    initial: string | null,
  ) {
    this.selected = initial;
    this.upload = new AvatarUpload(api, (avatar) => this.add(avatar));
    this.el = h(
      'fieldset',
      { class: 'field avatar-chooser', 'aria-describedby': this.error.id },
      h('legend', { class: 'field-label' }, 'Avatar'),
      this.list,
      this.confirmArea,
      this.notice,
      this.error,
      this.upload.el,
    );
    replace(this.list, h('p', { class: 'hint' }, 'Loading avatars…'));
  }

  /** Shows the catalogue; selects `avatarId`, else the avatar served at `avatarUrl`, else the first. */
  set(catalogue: AvatarCatalogue, avatarId: string | null, avatarUrl = ''): void {
    this.avatars = catalogue.avatars;
    this.upload.setLimit(catalogue.maxUploadBytes);
    const match =
      this.avatars.find((a) => a.id === avatarId) ??
      this.avatars.find((a) => a.url === avatarUrl) ??
      this.avatars[0];
    this.selected = match?.id ?? avatarId;
    this.draw();
  }

  /** Says the catalogue could not be loaded (an upload still works). */
  failed(message: string): void {
    replace(this.list, h('p', { class: 'form-error' }, `Could not load the avatars: ${message}`));
  }

  /** The chosen avatar's id (null: the default avatar). */
  value(): string | null {
    return this.selected;
  }

  /** Stops an upload in flight (the editor is closing). */
  reset(): void {
    this.upload.reset();
  }

  private add(avatar: AvatarInfo): void {
    this.avatars = [avatar, ...this.avatars.filter((a) => a.id !== avatar.id)];
    this.selected = avatar.id;
    this.draw();
  }

  private draw(): void {
    if (this.avatars.length === 0)
      return replace(this.list, h('p', { class: 'hint' }, 'No avatars yet: upload one below.'));
    replace(this.list, ...this.avatars.map((a, i) => this.tile(a, i)));
  }

  private tile(a: AvatarInfo, i: number): HTMLElement {
    const radio = h('input', {
      class: 'tile-radio',
      type: 'radio',
      name: 'avatar',
      value: a.id,
      checked: a.id === this.selected,
    });
    radio.addEventListener('change', () => {
      if (radio.checked) this.selected = a.id;
    });
    const tags = tagsOf(a);
    const status = ownStatusText(a);
    const label = h(
      'label',
      { class: 'avatar-tile', title: a.licence.author ? `${a.name} by ${a.licence.author}` : a.name },
      radio,
      portrait(a.name, portraitUrl(a.url, a), i, 'tile-portrait'),
      h('span', { class: 'tile-name' }, a.name),
      tags.length ? h('span', { class: 'tile-tags' }, tags.join(' · ')) : null,
      status ? h('span', { class: `tile-status status-${a.status}` }, status) : null,
    );
    const remove = ownerMayDelete(a)
      ? h(
          'button',
          {
            class: 'btn btn-ghost btn-small tile-delete',
            type: 'button',
            'data-avatar': a.id,
            'aria-label': `Delete ${a.name}`,
            onclick: () => this.askDelete(a),
          },
          'Delete…',
        )
      : null;
    return h('div', { class: 'avatar-cell' }, label, remove);
  }

  /** The confirmation under the tiles; on success the avatar goes (a selection falls back to the first built-in, the default). */
  private askDelete(a: AvatarInfo): void {
    this.notice.textContent = '';
    replace(
      this.confirmArea,
      confirmPrompt({
        question: `Delete “${a.name}”? Only you can use it now; it cannot be undone.`,
        confirmLabel: 'Delete avatar',
        run: () => this.api.deleteAvatar(a.id),
        closed: (done) => {
          replace(this.confirmArea);
          if (done) this.removed(a);
          else this.focusDelete(a.id);
        },
      }),
    );
  }

  private removed(a: AvatarInfo): void {
    this.avatars = this.avatars.filter((x) => x.id !== a.id);
    this.upload.forget(a.id);
    if (this.selected === a.id)
      this.selected = (this.avatars.find((x) => x.builtin) ?? this.avatars[0])?.id ?? null;
    this.draw();
    this.notice.textContent = `Deleted “${a.name}”.`;
    this.list.querySelector<HTMLInputElement>('.tile-radio:checked')?.focus();
  }

  private focusDelete(id: string): void {
    this.list.querySelector<HTMLButtonElement>(`.tile-delete[data-avatar="${CSS.escape(id)}"]`)?.focus();
  }
}
