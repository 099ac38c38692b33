import { Migration } from '@mikro-orm/migrations';

export class Migration20261123131452 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "report_transition" ("id" uuid not null, "report_id" uuid not null, "from_status" text check ("from_status" in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')) null, "to_status" text check ("to_status" in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')) not null, "at" timestamptz not null default now(), "actor_name" text not null, "actor_id" uuid null, "comment" text null, constraint "report_transition_pkey" primary key ("id"));`);
    this.addSql(`create index "report_transition_report_id_at_index" on "report_transition" ("report_id", "at");`);

    this.addSql(`create table "report_attachment" ("id" uuid not null, "report_id" uuid not null, "file_name" text not null, "media_type" text not null, "byte_size" int not null, "sha256" text not null, "content" bytea not null, "created_at" timestamptz not null default now(), constraint "report_attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "report_attachment_report_id_index" on "report_attachment" ("report_id");`);

    this.addSql(`alter table "report_transition" add constraint "report_transition_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "report_attachment" add constraint "report_attachment_report_id_foreign" foreign key ("report_id") references "report" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "task" add column "report_to_id" uuid null, add column "report_via_id" uuid null, add column "reporter_group_id" uuid null, add column "report_due_day" smallint null, add column "report_due_month_offset" smallint not null default 0, add column "reporting_starts_on" date null, add column "reporting_ends_on" date null;`);
    this.addSql(`alter table "task" add constraint "task_report_to_id_foreign" foreign key ("report_to_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "task" add constraint "task_report_via_id_foreign" foreign key ("report_via_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "task" add constraint "task_reporter_group_id_foreign" foreign key ("reporter_group_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "task" add constraint task_reporting_window_order check(reporting_ends_on is null or reporting_starts_on is null or reporting_ends_on >= reporting_starts_on);`);
    this.addSql(`alter table "task" add constraint task_report_due_month_offset_range check(report_due_month_offset >= 0 and report_due_month_offset <= 12);`);
    this.addSql(`alter table "task" add constraint task_report_due_day_range check(report_due_day is null or (report_due_day >= 1 and report_due_day <= 31));`);

    this.addSql(`alter table "report" add column "revision" int not null default 1, add column "previous_revision_id" uuid null, add column "review_comment" text null, add column "target_values" jsonb not null default '[]';`);
    this.addSql(`alter table "report" add constraint "report_previous_revision_id_foreign" foreign key ("previous_revision_id") references "report" ("id") on update cascade on delete set null;`);
    this.addSql(`create unique index "report_revision_unique" on "report" (coalesce(task_id, document_id), agency_id, period_start, period_end, revision);`);
    this.addSql(`alter table "report" add constraint report_revision_positive check(revision >= 1);`);

    this.addSql(`create index "task_report_to_id_index" on "task" ("report_to_id");`);
    this.addSql(`create index "task_report_via_id_index" on "task" ("report_via_id");`);
    this.addSql(`create index "task_reporter_group_id_index" on "task" ("reporter_group_id");`);
    this.addSql(`create index "report_task_id_agency_id_period_end_index" on "report" ("task_id", "agency_id", "period_end");`);

    // Reviewed addition: the reporting calendar, in PostgreSQL, so that expected reports, deadline statuses and the
    // oversight figures are computed where the rows are, and never stored for periods that have not come yet.

    // The periods of a duty whose reports fall due between from_day and to_day. Periods are calendar-aligned (months;
    // quarters from January, April, July, October; halves from January and July; years). A report falls due on
    // due_day of the period's last month plus due_month_offset months, clamped to that month's length (so 31 means the
    // last day, 29 February only in leap years); with no due_day, on the month's last day. A one-off duty (NONE) has
    // one period, from its first day to its due date.
    this.addSql(`create or replace function reporting_periods(
        recurrence text, starts_on date, ends_on date, due_date date, due_day int, due_month_offset int, from_day date, to_day date)
      returns table (period_start date, period_end date, due_on date)
      language sql immutable parallel safe as $$
        with cadence as (
          select case recurrence when 'MONTHLY' then 1 when 'QUARTERLY' then 3 when 'SEMIANNUAL' then 6 when 'ANNUAL' then 12 end as months
        ),
        -- A period ending up to a year before from_day can still fall due inside the range (due_month_offset <= 12).
        first_day as (
          select greatest(starts_on, (from_day - interval '13 months')::date) as day, months from cadence where months is not null
        ),
        recurring as (
          select p::date as period_start, (p + make_interval(months => first_day.months) - interval '1 day')::date as period_end
          from first_day, generate_series(
            date_trunc('year', first_day.day)
              + make_interval(months => ((extract(month from first_day.day)::int - 1) / first_day.months) * first_day.months),
            least(coalesce(ends_on, to_day), to_day)::timestamp,
            make_interval(months => first_day.months)) as p
        ),
        dated as (
          select r.period_start, r.period_end,
            (case when due_day is null then due_month + interval '1 month' - interval '1 day'
                  else least(due_month + make_interval(days => due_day - 1), due_month + interval '1 month' - interval '1 day') end)::date as due_on
          from recurring r, lateral (select date_trunc('month', r.period_end) + make_interval(months => due_month_offset) as due_month) m
          union all
          select least(starts_on, due_date), due_date, due_date where recurrence = 'NONE' and due_date is not null
        )
        select period_start, period_end, due_on from dated where due_on between from_day and to_day
      $$;`);

    // The agencies that owe a duty's reports: every member of its reporter group, else the assigned agencies, a group
    // among them standing for its members (a group without members reports itself).
    this.addSql(`create or replace function duty_reporters(task_id uuid, reporter_group_id uuid)
      returns table (agency_id uuid) language sql stable parallel safe as $$
        select m.member_id from agency_group_member m where m.group_id = reporter_group_id
        union
        select coalesce(m.member_id, a.agency_id)
        from assignment a left join agency_group_member m on m.group_id = a.agency_id
        where a.task_id = duty_reporters.task_id and reporter_group_id is null
      $$;`);

    // Every report a REPORTING task expects between from_day and to_day (by due date), per reporting agency and period,
    // with what arrived: RECEIVED on time, LATE, MISSING (past due), NOT_YET_DUE. A period counts
    // as received on the day its first revision was submitted, once its latest revision is SUBMITTED or ACCEPTED (a
    // returned report awaits its correction; a draft is not a report yet). Null filters mean all.
    this.addSql(`create or replace function expected_reports(
        from_day date, to_day date, today date, time_zone text, task_filter uuid, agency_filter uuid, document_filter uuid)
      returns table (task_id uuid, agency_id uuid, period_start date, period_end date, due_on date, status text, report_id uuid, received_on date)
      language sql stable parallel safe as $$
        with duty as (
          select t.id, t.recurrence, t.due_date, t.report_due_day, t.report_due_month_offset, t.reporter_group_id, t.reporting_ends_on,
            coalesce(t.reporting_starts_on, d.issued_on, (t.created_at at time zone time_zone)::date) as starts_on
          from task t join clause c on c.id = t.source_clause_id join document d on d.id = c.document_id
          where t.kind = 'REPORTING' and t.progress_status <> 'CANCELLED'
            and (task_filter is null or t.id = task_filter) and (document_filter is null or c.document_id = document_filter)
            -- Asked about one agency, only the duties duty_reporters() could name it for: assigned to it or to a group
            -- it belongs to, or reported by a group it belongs to. As = any(array(…)) so that PostgreSQL walks the
            -- indexes instead of scanning every reporting task (800 ms → 30 ms at 50,000 tasks, docs/performance.md).
            and (agency_filter is null or t.id = any(array(
              select a.task_id from assignment a
              where a.agency_id = any(array(
                select agency_filter union all select m.group_id from agency_group_member m where m.member_id = agency_filter))
              union all
              select g.id from task g join agency_group_member m on m.group_id = g.reporter_group_id where m.member_id = agency_filter)))
        ),
        slot as (
          select duty.id as task_id, r.agency_id, p.period_start, p.period_end, p.due_on
          from duty cross join lateral duty_reporters(duty.id, duty.reporter_group_id) r
          cross join lateral reporting_periods(duty.recurrence, duty.starts_on, duty.reporting_ends_on, duty.due_date,
            duty.report_due_day, duty.report_due_month_offset, from_day, to_day) p
          where agency_filter is null or r.agency_id = agency_filter
        )
        select s.task_id, s.agency_id, s.period_start, s.period_end, s.due_on,
          case when arrived.received_on is null then case when s.due_on < today then 'MISSING' else 'NOT_YET_DUE' end
               when arrived.received_on <= s.due_on then 'RECEIVED' else 'LATE' end,
          arrived.report_id, arrived.received_on
        from slot s left join lateral (
          select (array_agg(rp.id order by rp.revision desc, rp.created_at desc))[1] as report_id,
            case when (array_agg(rp.status order by rp.revision desc, rp.created_at desc))[1] in ('SUBMITTED', 'ACCEPTED')
                 then min((rp.submitted_at at time zone time_zone)::date) end as received_on
          from report rp
          where rp.task_id = s.task_id and rp.agency_id = s.agency_id and rp.period_end between s.period_start and s.period_end
        ) arrived on true
      $$;`);

    // The day a report on a REPORTING task falls due: that of the duty's period holding the report's last day; null
    // when the task has no such period (not a reporting duty, or a report outside its calendar). Parameters are
    // qualified by the function's name wherever a column of the same name is in scope (the column would win).
    this.addSql(`create or replace function report_due_on(task_id uuid, period_end date, time_zone text)
      returns date language sql stable parallel safe as $$
        select p.due_on
        from task t join clause c on c.id = t.source_clause_id join document d on d.id = c.document_id
        cross join lateral reporting_periods(t.recurrence,
          coalesce(t.reporting_starts_on, d.issued_on, (t.created_at at time zone time_zone)::date), t.reporting_ends_on, t.due_date,
          t.report_due_day, t.report_due_month_offset, report_due_on.period_end - 400, report_due_on.period_end + 400) p
        where t.id = report_due_on.task_id and t.kind = 'REPORTING' and report_due_on.period_end between p.period_start and p.period_end
        order by p.due_on limit 1
      $$;`);

    // Whether a submitted report on a reporting duty arrived by its due date (RECEIVED) or after it (LATE), judged, as
    // in expected_reports, by the first submission of the agency's report for that period (a correction asked for by
    // the reviewer does not make it late); null for a draft or a report outside any duty's calendar.
    this.addSql(`create or replace function report_delivery_status(r report, time_zone text)
      returns text language sql stable parallel safe as $$
        select case when r.submitted_at is null or due.day is null then null
                    when (first.submitted_at at time zone time_zone)::date <= due.day then 'RECEIVED' else 'LATE' end
        from (select report_due_on(r.task_id, r.period_end, time_zone) as day) due,
          (select min(o.submitted_at) as submitted_at from report o
           where o.task_id = r.task_id and o.agency_id = r.agency_id and o.period_start = r.period_start and o.period_end = r.period_end) first
      $$;`);

    // The deadline status of a REPORTING task with a schedule, from its expected reports: a one-off duty is done when
    // every reporter's report has arrived (late if one came late), overdue once one is missing; a recurring duty is
    // overdue while a report due in the past year is missing, due soon while one due within the window has not come.
    // Null when the duty expects nothing (no reporters, no schedule): the due date decides, as for any task.
    this.addSql(`create or replace function reporting_deadline_status(
        task_id uuid, recurrence text, due_date date, today date, due_soon_days int, time_zone text)
      returns text language sql stable parallel safe as $$
        select case
          when count(*) = 0 then null
          when recurrence = 'NONE' and bool_and(e.status in ('RECEIVED', 'LATE'))
            then case when bool_or(e.status = 'LATE') then 'DONE_LATE' else 'DONE_ON_TIME' end
          when bool_or(e.status = 'MISSING') then 'OVERDUE'
          when bool_or(e.status = 'NOT_YET_DUE' and e.due_on <= today + due_soon_days) then 'DUE_SOON'
          else 'ON_TRACK' end
        from expected_reports(
          case when recurrence = 'NONE' then due_date else today - 365 end,
          case when recurrence = 'NONE' then due_date else today + due_soon_days end,
          today, time_zone, reporting_deadline_status.task_id, null, null) e
      $$;`);

    // The deadline status of any task (DeadlineStatus in the API), from the task's own row: a single expression, so
    // PostgreSQL inlines it into the queries that filter or count by it. A CANCELLED task is no longer late.
    this.addSql(`create or replace function task_deadline_status(t task, today date, due_soon_days int, time_zone text)
      returns text language sql stable parallel safe as $$
        select case
          when t.completed_on is not null
            then case when t.due_date is null or t.completed_on <= t.due_date then 'DONE_ON_TIME' else 'DONE_LATE' end
          when t.progress_status = 'DONE' then 'DONE_ON_TIME'
          when t.progress_status = 'CANCELLED' then 'ON_TRACK'
          else coalesce(
            case when t.kind = 'REPORTING' then reporting_deadline_status(t.id, t.recurrence, t.due_date, today, due_soon_days, time_zone) end,
            case when t.due_date is null then 'ON_TRACK'
                 when t.due_date < today then 'OVERDUE'
                 when t.due_date <= today + due_soon_days then 'DUE_SOON'
                 else 'ON_TRACK' end)
        end
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists task_deadline_status(task, date, int, text);`);
    this.addSql(`drop function if exists reporting_deadline_status(uuid, text, date, date, int, text);`);
    this.addSql(`drop function if exists report_delivery_status(report, text);`);
    this.addSql(`drop function if exists report_due_on(uuid, date, text);`);
    this.addSql(`drop function if exists duty_reporters(uuid, uuid);`);
    this.addSql(`drop function if exists expected_reports(date, date, date, text, uuid, uuid, uuid);`);
    this.addSql(`drop function if exists reporting_periods(text, date, date, date, int, int, date, date);`);
    this.addSql(`drop index if exists "report_task_id_agency_id_period_end_index";`);
    this.addSql(`drop table if exists "report_transition" cascade;`);

    this.addSql(`drop table if exists "report_attachment" cascade;`);

    this.addSql(`alter table "report" drop constraint "report_previous_revision_id_foreign";`);

    this.addSql(`alter table "task" drop constraint "task_report_to_id_foreign";`);
    this.addSql(`alter table "task" drop constraint "task_report_via_id_foreign";`);
    this.addSql(`alter table "task" drop constraint "task_reporter_group_id_foreign";`);

    this.addSql(`drop index "report_revision_unique";`);
    this.addSql(`alter table "report" drop constraint report_revision_positive;`);
    this.addSql(`alter table "report" drop column "revision", drop column "previous_revision_id", drop column "review_comment", drop column "target_values";`);

    this.addSql(`alter table "task" drop constraint task_reporting_window_order;`);
    this.addSql(`alter table "task" drop constraint task_report_due_month_offset_range;`);
    this.addSql(`alter table "task" drop constraint task_report_due_day_range;`);
    this.addSql(`alter table "task" drop column "report_to_id", drop column "report_via_id", drop column "reporter_group_id", drop column "report_due_day", drop column "report_due_month_offset", drop column "reporting_starts_on", drop column "reporting_ends_on";`);
  }

}
