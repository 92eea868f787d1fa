import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts and billing: the Auth0 id column gets the name the design gives it (`auth0_id`; the
 * first migration called it `auth0sub`), users get a picture and roles, subscriptions the state
 * Stripe reports, and new tables hold processed webhook events, daily usage and metered usage
 * waiting to be reported. Characters may carry their creator's own (encrypted) provider keys.
 */
export class Migration20261206000000Accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" rename column "auth0sub" to "auth0_id";`);
    this.addSql(`alter table "users" rename constraint "users_auth0sub_unique" to "users_auth0_id_unique";`);
    this.addSql(`alter table "users" add column "picture" varchar(1024) null;`);
    this.addSql(`alter table "users" add column "roles" jsonb not null default '[]';`);

    this.addSql(`alter table "subscriptions" add column "stripe_price_id" varchar(255) null;`);
    this.addSql(
      `alter table "subscriptions" add column "cancel_at_period_end" boolean not null default false;`,
    );
    this.addSql(`alter table "subscriptions" add column "grace_until" timestamptz null;`);
    this.addSql(`alter table "subscriptions" add column "state_at" timestamptz null;`);
    this.addSql(
      `create index "subscriptions_stripe_customer_id_index" on "subscriptions" ("stripe_customer_id");`,
    );

    this.addSql(
      `create table "stripe_events" ("id" varchar(255) not null, "type" varchar(64) not null, "created_at" timestamptz not null, "processed_at" timestamptz not null, constraint "stripe_events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "usage_counters" ("user_id" uuid not null references "users" ("id") on delete cascade, "metric" varchar(32) not null, "day" varchar(10) not null, "amount" bigint not null default 0, constraint "usage_counters_pkey" primary key ("user_id", "metric", "day"));`,
    );
    this.addSql(
      `create table "meter_usage" ("id" uuid not null, "user_id" uuid not null references "users" ("id") on delete cascade, "meter" varchar(64) not null, "quantity" int not null, "created_at" timestamptz not null, "batch_id" uuid null, "reported_at" timestamptz null, constraint "meter_usage_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "meter_usage_unreported_index" on "meter_usage" ("created_at") where "reported_at" is null;`,
    );

    this.addSql(`alter table "characters" add column "llm_key" text null;`);
    this.addSql(`alter table "characters" add column "tts_key" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "characters" drop column "tts_key";`);
    this.addSql(`alter table "characters" drop column "llm_key";`);
    this.addSql(`drop table if exists "meter_usage";`);
    this.addSql(`drop table if exists "usage_counters";`);
    this.addSql(`drop table if exists "stripe_events";`);
    this.addSql(`drop index if exists "subscriptions_stripe_customer_id_index";`);
    for (const c of ['state_at', 'grace_until', 'cancel_at_period_end', 'stripe_price_id'])
      this.addSql(`alter table "subscriptions" drop column "${c}";`);
    this.addSql(`alter table "users" drop column "roles";`);
    this.addSql(`alter table "users" drop column "picture";`);
    this.addSql(`alter table "users" rename constraint "users_auth0_id_unique" to "users_auth0sub_unique";`);
    this.addSql(`alter table "users" rename column "auth0_id" to "auth0sub";`);
  }
}
