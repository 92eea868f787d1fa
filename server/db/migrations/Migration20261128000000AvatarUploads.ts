import { Migration } from '@mikro-orm/migrations';

/**
 * Avatar uploads: one catalogue entry per owner and file (a double-clicked upload cannot make
 * two), and a fast lookup of pending entries for the admins' review list.
 */
export class Migration20261128000000AvatarUploads extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create unique index "vrm_models_owner_id_content_hash_unique" on "vrm_models" ("owner_id", "content_hash");`,
    );
    this.addSql(
      `create index "vrm_models_pending_index" on "vrm_models" ("created_at") where "approved" = false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "vrm_models_pending_index";`);
    this.addSql(`drop index if exists "vrm_models_owner_id_content_hash_unique";`);
  }
}
