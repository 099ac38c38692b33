import { Migration } from '@mikro-orm/migrations';

export class Migration20261123121558 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null default date_trunc('milliseconds'::text, now()), "actor_kind" text check ("actor_kind" in ('USER', 'TOKEN', 'SYSTEM', 'ANONYMOUS')) not null, "actor_id" uuid null, "actor_name" text not null, "entity_type" text not null, "entity_id" uuid not null, "action" text check ("action" in ('CREATE', 'UPDATE', 'DELETE')) not null, "changes" jsonb not null default '{}', "transaction_id" bigint not null default txid_current());`);
    this.addSql(`create index "audit_event_transaction_id_index" on "audit_event" ("transaction_id");`);
    this.addSql(`create index "audit_event_actor_name_index" on "audit_event" ("actor_name");`);
    this.addSql(`create index "audit_event_actor_id_index" on "audit_event" ("actor_id");`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);
    // Reviewed addition: the trail is append-only, whatever the code does. UPDATE, DELETE and TRUNCATE are refused by
    // PostgreSQL itself (only a superuser could switch the triggers off; the application's role must not be one).
    this.addSql(`create or replace function audit_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only: % is refused', tg_op
          using errcode = '42501', table = 'audit_event', hint = 'The audit trail records history; it is never rewritten.';
      end $$;`);
    this.addSql(`create trigger audit_event_no_update_or_delete before update or delete on audit_event
      for each row execute function audit_event_append_only();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop function if exists audit_event_append_only();`);
  }

}
