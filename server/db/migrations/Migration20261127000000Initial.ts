import { Migration } from '@mikro-orm/migrations';

/** The first schema: accounts, characters, avatars, rooms, conversations, knowledge, billing. */
export class Migration20261127000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "users" ("id" uuid not null, "name" varchar(64) not null, "email" varchar(320) null, "auth0sub" varchar(255) null, "is_guest" boolean not null default true, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`alter table "users" add constraint "users_auth0sub_unique" unique ("auth0sub");`);

    this.addSql(
      `create table "refresh_tokens" ("token_hash" varchar(64) not null, "user_id" uuid not null references "users" ("id") on delete cascade, "family_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "refresh_tokens_pkey" primary key ("token_hash"));`,
    );
    this.addSql(`create index "refresh_tokens_user_id_index" on "refresh_tokens" ("user_id");`);
    this.addSql(`create index "refresh_tokens_family_id_index" on "refresh_tokens" ("family_id");`);

    this.addSql(
      `create table "vrm_models" ("id" uuid not null, "owner_id" uuid null references "users" ("id") on delete set null, "name" varchar(128) not null, "storage_key" varchar(255) not null, "content_hash" varchar(64) not null, "size_bytes" int not null, "vrm_version" varchar(8) not null, "meta" jsonb not null, "lip_sync" boolean not null, "thumbnail_key" varchar(255) null, "approved" boolean not null default false, "can_be_public" boolean not null default true, "created_at" timestamptz not null, constraint "vrm_models_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "vrm_models_owner_id_index" on "vrm_models" ("owner_id");`);
    this.addSql(`create index "vrm_models_content_hash_index" on "vrm_models" ("content_hash");`);

    this.addSql(
      `create table "characters" ("id" uuid not null, "owner_id" uuid null references "users" ("id") on delete cascade, "name" varchar(64) not null, "persona" text not null, "greeting" text not null, "language" varchar(8) not null, "voice" jsonb not null, "avatar_id" uuid null references "vrm_models" ("id") on delete set null, "visibility" varchar(16) not null, "is_default" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "characters_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "characters_owner_id_index" on "characters" ("owner_id");`);

    this.addSql(
      `create table "conversations" ("id" uuid not null, "character_id" uuid not null, "room_id" varchar(32) null, "created_at" timestamptz not null, constraint "conversations_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "conversations_character_id_index" on "conversations" ("character_id");`);
    this.addSql(`create index "conversations_room_id_index" on "conversations" ("room_id");`);

    this.addSql(
      `create table "messages" ("id" uuid not null, "conversation_id" uuid not null references "conversations" ("id") on delete cascade, "kind" varchar(16) not null, "user_id" uuid null, "name" varchar(64) not null, "text" text not null, "created_at" timestamptz not null, constraint "messages_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "messages_conversation_id_created_at_index" on "messages" ("conversation_id", "created_at");`,
    );

    this.addSql(
      `create table "rooms" ("id" varchar(32) not null, "owner_id" uuid not null references "users" ("id") on delete cascade, "character_id" uuid not null, "conversation_id" uuid not null references "conversations" ("id"), "mode" varchar(16) not null, "is_public" boolean not null default true, "link_generation" int not null default 0, "created_at" timestamptz not null, "closed_at" timestamptz null, constraint "rooms_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "rooms_owner_id_index" on "rooms" ("owner_id");`);

    this.addSql(
      `create table "knowledge_bases" ("id" uuid not null, "character_id" uuid not null references "characters" ("id") on delete cascade, "name" varchar(128) not null, "provider" varchar(16) not null, "created_at" timestamptz not null, constraint "knowledge_bases_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "knowledge_bases_character_id_index" on "knowledge_bases" ("character_id");`);

    this.addSql(
      `create table "subscriptions" ("id" uuid not null, "user_id" uuid not null references "users" ("id") on delete cascade, "tier" varchar(16) not null, "status" varchar(32) not null, "stripe_customer_id" varchar(255) null, "stripe_subscription_id" varchar(255) null, "current_period_end" timestamptz null, "updated_at" timestamptz not null, constraint "subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_user_id_unique" unique ("user_id");`,
    );
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_stripe_subscription_id_unique" unique ("stripe_subscription_id");`,
    );
  }

  override async down(): Promise<void> {
    for (const t of [
      'subscriptions',
      'knowledge_bases',
      'rooms',
      'messages',
      'conversations',
      'characters',
      'vrm_models',
      'refresh_tokens',
      'users',
    ]) {
      this.addSql(`drop table if exists "${t}" cascade;`);
    }
  }
}
