import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122115 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "user_account" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "username" text not null, "display_name" text null, "password_hash" text not null, "role" text check ("role" in ('ADMIN', 'EDITOR', 'AUDITOR', 'REPORTER')) not null, "agency_id" uuid null, "active" boolean not null default true, "failed_logins" int not null default 0, "locked_until" timestamptz null, "last_login_at" timestamptz null, "session_generation" int not null default 0, constraint "user_account_pkey" primary key ("id"), constraint user_account_agency_only_for_reporter check ((role = 'REPORTER') = (agency_id is not null)));`);
    this.addSql(`alter table "user_account" add constraint "user_account_username_unique" unique ("username");`);
    this.addSql(`create index "user_account_agency_id_index" on "user_account" ("agency_id");`);

    this.addSql(`create table "api_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "role" text check ("role" in ('INTEGRATOR')) not null default 'INTEGRATOR', "secret_hash" text not null, "created_by_id" uuid null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_token" add constraint "api_token_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`alter table "user_account" add constraint "user_account_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "user_account" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_token" drop constraint "api_token_created_by_id_foreign";`);

    this.addSql(`drop table if exists "user_account" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);
  }

}
