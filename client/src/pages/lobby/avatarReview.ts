import { ApiError, type ApiClient, type AvatarInfo } from '../../net';
import { h, replace } from '../../ui/dom';
import { confirmPrompt, refusalOf } from './confirmPrompt';
import { ReviewItem } from './reviewItem';

/**
 * "Review avatars": the uploads waiting for an admin (GET /api/avatars?pending=1). Shown only when
 * that call succeeds; a 403 (not an admin) or a signed-out visitor keeps it hidden without a word.
 * Approve makes an upload public; Delete (after a confirmation) removes it; the list reloads after each.
 */
export class AvatarReview {
  private readonly list = h('ul', { class: 'review-list' });
  private readonly notice = h('p', { class: 'review-notice', role: 'status' });
  private readonly title = h('h2', { id: 'review-title', tabindex: -1 }, 'Review avatars');
  readonly el = h(
    'section',
    { class: 'card review-card', 'aria-labelledby': 'review-title', hidden: true },
    h('div', { class: 'card-kicker' }, 'Admin'),
    this.title,
    h(
      'p',
      { class: 'hint' },
      'Uploads waiting to join the public catalogue. Check the licence before approving.',
    ),
    this.notice,
    this.list,
  );
  private loading = 0;

  constructor(private readonly api: ApiClient) {}

  /** Loads the pending uploads; shows the card for admins, hides it for everyone else. */
  async load(): Promise<void> {
    const run = ++this.loading;
    if (!this.api.tokens.session) return this.hide();
    try {
      const pending = await this.api.pendingAvatars();
      if (run === this.loading) this.show(pending);
    } catch (err) {
      if (run !== this.loading) return;
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return this.hide();
      if (!this.el.hidden)
        this.notice.textContent = `Could not load the pending avatars: ${refusalOf(err, 'load them')}`;
    }
  }

  private hide(): void {
    this.el.hidden = true;
    replace(this.list);
  }

  private show(pending: AvatarInfo[]): void {
    this.el.hidden = false;
    if (pending.length === 0)
      return replace(this.list, h('li', { class: 'hint review-empty' }, 'Nothing is waiting for review.'));
    const actions = {
      approve: (a: AvatarInfo, item: ReviewItem) => void this.approve(a, item),
      remove: (a: AvatarInfo, item: ReviewItem) => this.askDelete(a, item),
    };
    replace(this.list, ...pending.map((a, i) => new ReviewItem(a, i, actions).el));
  }

  private async approve(a: AvatarInfo, item: ReviewItem): Promise<void> {
    item.busy(true);
    item.refusal.textContent = '';
    try {
      await this.api.approveAvatar(a.id);
      this.notice.textContent = `Approved “${a.name}”: everyone can use it now.`;
      await this.load();
      this.title.focus();
    } catch (err) {
      item.refusal.textContent = refusalOf(err, 'approve it');
      item.busy(false);
    }
  }

  private askDelete(a: AvatarInfo, item: ReviewItem): void {
    item.refusal.textContent = '';
    item.busy(true);
    replace(
      item.confirmArea,
      confirmPrompt({
        question: `Delete “${a.name}”? Its uploader loses it too; this cannot be undone.`,
        confirmLabel: 'Delete avatar',
        run: () => this.api.deleteAvatar(a.id),
        closed: (done) => {
          replace(item.confirmArea);
          item.busy(false);
          if (!done) return item.remove.focus();
          this.notice.textContent = `Deleted “${a.name}”.`;
          void this.load().then(() => this.title.focus());
        },
      }),
    );
  }
}
