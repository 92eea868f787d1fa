import type { ApiClient, AvatarCatalogue, AvatarInfo } from '../../net';
import { h, replace } from '../../ui/dom';
import { AvatarUpload } from './avatarUpload';
import { portrait, portraitUrl } from './portraits';

/** Short labels for an avatar tile. */
function tagsOf(a: AvatarInfo): string[] {
  const tags: string[] = [];
  if (a.mine) tags.push('Yours');
  if (a.status === 'pending') tags.push('Awaiting review');
  if (a.status === 'private_only') tags.push('Only you');
  if (!a.lipSync) tags.push('No lip-sync');
  return tags;
}

/**
 * The "Avatar" part of the character editor: the avatars the caller may use (GET /api/avatars)
 * as a radio group of tiles, and an upload that adds and selects a new one.
 */
export class AvatarChooser {
  readonly error = h('p', { class: 'field-error', id: 'avatar-error', 'aria-live': 'polite' });
  private readonly list = h('div', { class: 'avatar-tiles' });
  private readonly upload: AvatarUpload;
  private avatars: AvatarInfo[] = [];
  private selected: string | null = null;
  readonly el: HTMLFieldSetElement;

  /** `initial`: the avatar chosen so far, kept while the catalogue loads (or if it fails to). */
  constructor(api: ApiClient, initial: string | null) {
    this.selected = initial;
    this.upload = new AvatarUpload(api, (avatar) => this.add(avatar));
    this.el = h('fieldset', { class: 'field avatar-chooser', 'aria-describedby': this.error.id },
      h('legend', { class: 'field-label' }, 'Avatar'), this.list, this.error, this.upload.el);
    replace(this.list, h('p', { class: 'hint' }, 'Loading avatars…'));
  }

  /** Shows the catalogue; selects `avatarId`, else the avatar served at `avatarUrl`, else the first. */
  set(catalogue: AvatarCatalogue, avatarId: string | null, avatarUrl = ''): void {
    this.avatars = catalogue.avatars;
    this.upload.setLimit(catalogue.maxUploadBytes);
    const match = this.avatars.find((a) => a.id === avatarId) ?? this.avatars.find((a) => a.url === avatarUrl) ?? this.avatars[0];
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
    if (this.avatars.length === 0) return replace(this.list, h('p', { class: 'hint' }, 'No avatars yet: upload one below.'));
    replace(this.list, ...this.avatars.map((a, i) => this.tile(a, i)));
  }

  private tile(a: AvatarInfo, i: number): HTMLElement {
    const radio = h('input', { class: 'tile-radio', type: 'radio', name: 'avatar', value: a.id, checked: a.id === this.selected });
    radio.addEventListener('change', () => { if (radio.checked) this.selected = a.id; });
    const tags = tagsOf(a);
    return h('label', { class: 'avatar-tile', title: a.licence.author ? `${a.name} by ${a.licence.author}` : a.name },
      radio, portrait(a.name, portraitUrl(a.url, a), i, 'tile-portrait'),
      h('span', { class: 'tile-name' }, a.name),
      tags.length ? h('span', { class: 'tile-tags' }, tags.join(' · ')) : null);
  }
}
