import type { VrmModel, VrmModelRepository } from '../db';
import { HttpError } from '../http';
import type { FileStorage } from '../media/storage';
import type { Viewer } from './AdminPolicy';
import { isBuiltin, toAvatarView, type AvatarView } from './avatarView';

const notFound = () =>
  new HttpError(404, 'avatar_not_found', 'That avatar does not exist, or it is not yours to see.');

/**
 * The avatar catalogue: built-ins, approved uploads (public), and each user's own uploads
 * (usable by them at once). Only admins approve, and never an avatar whose licence forbids it.
 */
export class AvatarCatalog {
  constructor(
    private readonly repo: VrmModelRepository,
    private readonly storage: FileStorage,
  ) {}

  /** The API view of one entry for `viewer`. */
  view(model: VrmModel, viewer: Viewer | null): AvatarView {
    return toAvatarView(model, viewer?.userId ?? null, (key) => this.storage.urlOf(key));
  }

  /** The served URL of an avatar by id (null when it is gone): what rooms load. */
  async urlOf(avatarId: string): Promise<string | null> {
    const model = await this.repo.findById(avatarId);
    return model ? this.view(model, null).url : null;
  }

  /** What `viewer` may use (built-ins, approved, own); admins may ask for the pending uploads instead. */
  async list(viewer: Viewer | null, pending = false): Promise<AvatarView[]> {
    if (pending && !viewer?.admin)
      throw new HttpError(403, 'admins_only', 'Only admins review pending avatars.');
    const models = pending
      ? await this.repo.listPending()
      : await this.repo.listUsableBy(viewer?.userId ?? null);
    return models.map((m) => this.view(m, viewer));
  }

  /** One entry, if `viewer` may see it (public, theirs, or they are an admin). */
  async get(id: string, viewer: Viewer | null): Promise<AvatarView> {
    return this.view(await this.visible(id, viewer), viewer);
  }

  /** The entry when `viewer` may put it on a character (public or their own), else null. */
  async usable(id: string, viewer: Viewer): Promise<VrmModel | null> {
    const model = await this.repo.findById(id);
    return model && (model.approved || model.ownerId === viewer.userId) ? model : null;
  }

  /** True when everyone may use the avatar (a built-in or an approved upload). */
  async isPublic(id: string): Promise<boolean> {
    return (await this.repo.findById(id))?.approved === true;
  }

  /** Makes an upload public. Admins only; a licence that forbids sharing answers 409 with its reason. */
  async approve(id: string, viewer: Viewer): Promise<AvatarView> {
    if (!viewer.admin)
      throw new HttpError(403, 'admins_only', 'Only admins can approve avatars for the public catalogue.');
    const model = await this.visible(id, viewer);
    if (!model.approved) {
      if (!model.canBePublic || !(await this.repo.approve(id))) {
        const reason =
          this.view(model, viewer).licence.reason ?? 'The licence does not allow sharing this avatar.';
        throw new HttpError(
          409,
          'licence_forbids_public',
          `This avatar can never be public: ${reason} It stays usable by its uploader.`,
        );
      }
      model.approved = true;
    }
    return this.view(model, viewer);
  }

  /** Deletes an upload: the owner while it is unapproved, an admin at any time; never a built-in. */
  async remove(id: string, viewer: Viewer): Promise<void> {
    const model = await this.visible(id, viewer);
    if (isBuiltin(model))
      throw new HttpError(403, 'builtin_avatar', 'The built-in avatars cannot be deleted.');
    if (!viewer.admin) {
      if (model.ownerId !== viewer.userId)
        throw new HttpError(403, 'not_owner', 'Only the person who uploaded this avatar can delete it.');
      if (model.approved)
        throw new HttpError(
          409,
          'avatar_public',
          'This avatar is in the public catalogue now; ask an admin to remove it.',
        );
    }
    await this.repo.delete(model.id);
    if (!(await this.repo.keyInUse(model.storageKey))) {
      await this.storage.delete(model.storageKey);
      if (model.thumbnailKey) await this.storage.delete(model.thumbnailKey);
    }
  }

  private async visible(id: string, viewer: Viewer | null): Promise<VrmModel> {
    const model = await this.repo.findById(id);
    if (!model) throw notFound();
    if (model.approved || viewer?.admin || (viewer && model.ownerId === viewer.userId)) return model;
    throw notFound();
  }
}
