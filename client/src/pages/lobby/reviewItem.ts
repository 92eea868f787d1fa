import type { AvatarInfo } from '../../net';
import { h } from '../../ui/dom';
import { REVIEW_WARNINGS } from './avatarStatus';
import { formatSize } from './avatarUpload';
import { portrait, portraitUrl } from './portraits';

/** What a review item's buttons ask the review card to do. */
export interface ReviewActions {
  approve(avatar: AvatarInfo, item: ReviewItem): void;
  remove(avatar: AvatarInfo, item: ReviewItem): void;
}

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

/** The licence facts the uploader's file declares. */
function licenceFacts(a: AvatarInfo): HTMLElement {
  const l = a.licence;
  const row = (term: string, value: string) => [h('dt', {}, term), h('dd', {}, value)];
  return h(
    'dl',
    { class: 'review-facts' },
    ...row('Title', l.title || '(none given)'),
    ...row('Author', l.author || '(none given)'),
    ...row('Credit required', yesNo(l.creditRequired)),
    ...row('May be shared', l.canBePublic ? 'Yes' : `No${l.reason ? `: ${l.reason}` : ''}`),
  );
}

/**
 * One pending upload: its picture (or initial), name, licence facts, warnings, a download link,
 * and Approve / Delete. A refusal (e.g. a licence that forbids sharing) shows beside it.
 */
export class ReviewItem {
  readonly refusal = h('p', { class: 'review-refusal', role: 'alert' });
  readonly confirmArea = h('div', { class: 'review-confirm' });
  readonly approve: HTMLButtonElement;
  readonly remove: HTMLButtonElement;
  readonly el: HTMLLIElement;

  constructor(
    readonly avatar: AvatarInfo,
    index: number,
    actions: ReviewActions,
  ) {
    const a = avatar;
    const titleId = `review-${a.id}`;
    this.approve = h(
      'button',
      {
        class: 'btn btn-primary btn-small',
        type: 'button',
        'aria-describedby': titleId,
        onclick: () => actions.approve(a, this),
      },
      'Approve',
    );
    this.remove = h(
      'button',
      {
        class: 'btn btn-ghost btn-small',
        type: 'button',
        'aria-describedby': titleId,
        onclick: () => actions.remove(a, this),
      },
      'Delete…',
    );
    this.el = h(
      'li',
      { class: 'review-item', 'aria-labelledby': titleId },
      h(
        'div',
        { class: 'review-top' },
        portrait(a.name, portraitUrl(a.url, a), index, 'review-portrait'),
        h(
          'div',
          { class: 'review-head' },
          h('h3', { class: 'review-name', id: titleId }, a.name),
          h('p', { class: 'hint' }, `VRM ${a.vrmVersion} · ${formatSize(a.sizeBytes, 'up')}`),
        ),
      ),
      licenceFacts(a),
      a.warnings.length
        ? h(
            'ul',
            { class: 'review-warnings' },
            ...a.warnings.map((w) => h('li', { class: 'upload-warning' }, REVIEW_WARNINGS[w] ?? w)),
          )
        : null,
      h(
        'div',
        { class: 'btn-row review-actions' },
        this.approve,
        this.remove,
        h(
          'a',
          {
            class: 'btn btn-ghost btn-small',
            href: a.url,
            download: `${a.name}.vrm`,
            'aria-label': `Download ${a.name}’s file`,
          },
          'Download file',
        ),
      ),
      this.confirmArea,
      this.refusal,
    );
  }

  /** Disables the buttons while a request is out. */
  busy(on: boolean): void {
    this.approve.disabled = on;
    this.remove.disabled = on;
  }
}
