import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084109 extends Migration {

  override async up(): Promise<void> {
    // Reviewed addition (before the generated schema): search_text(), which the entities' search indexes use.
    // Search that ignores diacritics ("cong an tinh" finds "Công an tỉnh"). unaccent() is only STABLE, so an
    // IMMUTABLE wrapper with the dictionary named explicitly lets expression indexes use it.
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create or replace function search_text(variadic parts text[]) returns text
      language sql immutable parallel safe
      as $$ select lower(public.unaccent('public.unaccent'::regdictionary, array_to_string(parts, ' '))) $$;`);

    this.addSql(`create table "agency" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "short_name" text null, "aliases" text[] not null default '{}', "kind" text check ("kind" in ('PARTY_BODY', 'PEOPLES_COMMITTEE', 'GOVERNMENT', 'POLICE', 'PROCURACY', 'COURT', 'JUDGMENT_ENFORCEMENT', 'DEPARTMENT', 'OFFICE', 'MILITARY', 'MASS_ORGANISATION', 'MEDIA', 'STEERING_COMMITTEE', 'OTHER')) not null, "level" text check ("level" in ('CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE')) not null, "parent_id" uuid null, "is_group" boolean not null default false, constraint "agency_pkey" primary key ("id"));`);
    this.addSql(`alter table "agency" add constraint "agency_name_unique" unique ("name");`);
    this.addSql(`create index "agency_search_index" on "agency" using gin (search_text(variadic array[name, short_name] || aliases) gin_trgm_ops);`);

    this.addSql(`create table "agency_group_member" ("group_id" uuid not null, "member_id" uuid not null, constraint "agency_group_member_pkey" primary key ("group_id", "member_id"));`);

    this.addSql(`create table "document" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "kind" text check ("kind" in ('DIRECTIVE', 'PLAN', 'REGULATION', 'DECISION', 'RESOLUTION', 'CONCLUSION', 'PROGRAM', 'GUIDANCE', 'DECREE', 'CIRCULAR', 'LAW', 'OFFICIAL_LETTER')) not null, "symbol" text null, "title" text not null, "issued_on" date null, "place" text null, "issuer_id" uuid null, "signer_name" text null, "signer_title" text null, "status" text check ("status" in ('DRAFT', 'IN_EFFECT', 'EXPIRED', 'SUPERSEDED')) not null default 'IN_EFFECT', "original_text" text null, "recipients" jsonb not null default '[]', "referenced" boolean not null default false, constraint "document_pkey" primary key ("id"));`);
    this.addSql(`create index "document_issued_on_index" on "document" ("issued_on");`);
    this.addSql(`create index "document_issuer_id_index" on "document" ("issuer_id");`);
    this.addSql(`create index "document_search_index" on "document" using gin (search_text(symbol, title) gin_trgm_ops);`);
    this.addSql(`alter table "document" add constraint "document_issuer_id_symbol_unique" unique ("issuer_id", "symbol");`);

    this.addSql(`create table "clause" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "document_id" uuid not null, "parent_id" uuid null, "position" int not null, "label" text not null, "kind" text check ("kind" in ('PART', 'SECTION', 'ITEM', 'POINT', 'BULLET', 'PARAGRAPH')) not null, "heading" text null, "text" text not null, "path" text not null, constraint "clause_pkey" primary key ("id"));`);
    this.addSql(`create index "clause_parent_id_index" on "clause" ("parent_id");`);
    this.addSql(`create index "clause_search_index" on "clause" using gin (search_text(label, heading, text) gin_trgm_ops);`);
    this.addSql(`alter table "clause" add constraint "clause_document_id_path_unique" unique ("document_id", "path") deferrable initially deferred;`);

    this.addSql(`create table "document_relation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "from_document_id" uuid not null, "to_document_id" uuid not null, "type" text check ("type" in ('IMPLEMENTS', 'BASED_ON', 'CITES', 'AMENDS', 'REPLACES')) not null, "citing_clause_id" uuid null, "target_clause_id" uuid null, "citation_text" text null, constraint "document_relation_pkey" primary key ("id"), constraint document_relation_not_self check (from_document_id <> to_document_id));`);
    this.addSql(`create index "document_relation_to_document_id_index" on "document_relation" ("to_document_id");`);
    this.addSql(`create index "document_relation_target_clause_id_index" on "document_relation" ("target_clause_id");`);
    this.addSql(`alter table "document_relation" add constraint "document_relation_from_document_id_to_document_id_type_unique" unique ("from_document_id", "to_document_id", "type");`);

    this.addSql(`create table "task" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "source_clause_id" uuid not null, "title" text not null, "description" text null, "due_date" date null, "due_phrase" text null, "recurrence" text check ("recurrence" in ('NONE', 'MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL')) not null default 'NONE', "kind" text check ("kind" in ('ACTION', 'REPORTING', 'MONITORING')) not null default 'ACTION', "progress_status" text check ("progress_status" in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED')) not null default 'NOT_STARTED', "completed_on" date null, "targets" jsonb not null default '[]', "parent_task_id" uuid null, constraint "task_pkey" primary key ("id"));`);
    this.addSql(`create index "task_source_clause_id_index" on "task" ("source_clause_id");`);
    this.addSql(`create index "task_due_date_index" on "task" ("due_date");`);
    this.addSql(`create index "task_parent_task_id_index" on "task" ("parent_task_id");`);
    this.addSql(`create index "task_search_index" on "task" using gin (search_text(title, description, due_phrase) gin_trgm_ops);`);

    this.addSql(`create table "report" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "task_id" uuid null, "document_id" uuid null, "agency_id" uuid not null, "period_start" date not null, "period_end" date not null, "kind" text check ("kind" in ('PERIODIC', 'INTERIM_REVIEW', 'FINAL_REVIEW', 'AD_HOC')) not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')) not null default 'DRAFT', "text" text not null default '', "progress" smallint null, "submitted_at" timestamptz null, constraint "report_pkey" primary key ("id"), constraint report_period_order check (period_end >= period_start), constraint report_progress_range check (progress is null or (progress >= 0 and progress <= 100)), constraint report_task_or_document check (task_id is not null or document_id is not null));`);
    this.addSql(`create index "report_task_id_index" on "report" ("task_id");`);
    this.addSql(`create index "report_document_id_index" on "report" ("document_id");`);
    this.addSql(`create index "report_agency_id_index" on "report" ("agency_id");`);

    this.addSql(`create table "assignment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "task_id" uuid not null, "agency_id" uuid not null, "role" text check ("role" in ('LEAD', 'COORDINATOR')) not null, "requested" boolean not null default false, "inherited" boolean not null default false, constraint "assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "assignment_agency_id_index" on "assignment" ("agency_id");`);
    this.addSql(`alter table "assignment" add constraint "assignment_task_id_agency_id_unique" unique ("task_id", "agency_id");`);

    this.addSql(`alter table "agency" add constraint "agency_parent_id_foreign" foreign key ("parent_id") references "agency" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "agency_group_member" add constraint "agency_group_member_group_id_foreign" foreign key ("group_id") references "agency" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agency_group_member" add constraint "agency_group_member_member_id_foreign" foreign key ("member_id") references "agency" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "document" add constraint "document_issuer_id_foreign" foreign key ("issuer_id") references "agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "clause" add constraint "clause_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "clause" add constraint "clause_parent_id_foreign" foreign key ("parent_id") references "clause" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "document_relation" add constraint "document_relation_from_document_id_foreign" foreign key ("from_document_id") references "document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "document_relation" add constraint "document_relation_to_document_id_foreign" foreign key ("to_document_id") references "document" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "document_relation" add constraint "document_relation_citing_clause_id_foreign" foreign key ("citing_clause_id") references "clause" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "document_relation" add constraint "document_relation_target_clause_id_foreign" foreign key ("target_clause_id") references "clause" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "task" add constraint "task_source_clause_id_foreign" foreign key ("source_clause_id") references "clause" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "task" add constraint "task_parent_task_id_foreign" foreign key ("parent_task_id") references "task" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "report" add constraint "report_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report" add constraint "report_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "report" add constraint "report_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "assignment" add constraint "assignment_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assignment" add constraint "assignment_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    // Reviewed addition (after the generated schema): triggers for the rules entity metadata cannot say.
    // A clause stays in its document, under a parent of the same document, and never under its own subtree.
    this.addSql(`create or replace function clause_check_tree() returns trigger language plpgsql as $$
      declare parent_document uuid;
      begin
        if tg_op = 'UPDATE' and new.document_id <> old.document_id then
          raise exception 'clause % cannot move to another document', new.id
            using errcode = '23514', constraint = 'clause_document_fixed', table = 'clause';
        end if;
        if new.parent_id is null then return new; end if;
        select document_id into parent_document from clause where id = new.parent_id;
        if found and parent_document <> new.document_id then
          raise exception 'clause % is in document %, its parent % in document %', new.id, new.document_id, new.parent_id, parent_document
            using errcode = '23514', constraint = 'clause_parent_same_document', table = 'clause';
        end if;
        if tg_op = 'UPDATE' and exists (
          with recursive ancestors(id, parent_id) as (
            select id, parent_id from clause where id = new.parent_id
            union
            select c.id, c.parent_id from clause c join ancestors a on c.id = a.parent_id
          ) select 1 from ancestors where id = new.id) then
          raise exception 'clause % cannot be moved under its own subtree', new.id
            using errcode = '23514', constraint = 'clause_no_cycle', table = 'clause';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger clause_check_tree before insert or update of parent_id, document_id on clause
      for each row execute function clause_check_tree();`);

    // The clause where a reference stands belongs to the citing document.
    this.addSql(`create or replace function document_relation_check_citing_clause() returns trigger language plpgsql as $$
      begin
        if new.citing_clause_id is not null and not exists (
          select 1 from clause where id = new.citing_clause_id and document_id = new.from_document_id) then
          raise exception 'clause % is not in document %', new.citing_clause_id, new.from_document_id
            using errcode = '23514', constraint = 'document_relation_citing_clause_of_source', table = 'document_relation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger document_relation_check_citing_clause before insert or update on document_relation
      for each row execute function document_relation_check_citing_clause();`);
  }

}
