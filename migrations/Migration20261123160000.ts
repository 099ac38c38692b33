import { Migration } from '@mikro-orm/migrations';

// Reviewed, hand-written: deadline statuses planned once per statement instead of once per task.
//
// task_deadline_status() was a scalar SQL function calling reporting_deadline_status(), an aggregate over
// expected_reports(). Neither can be inlined (an aggregate, a sub-select), so PostgreSQL planned expected_reports() anew
// for every REPORTING task it was asked about: about 1.8 ms a task, 60–120 ms for a page of 50 at 50,000 tasks, the
// main statement of the task list (docs/performance.md). Two changes:
// - task_deadline_status() returns its one row as a set, which PostgreSQL inlines into the calling statement; callers
//   read it as a scalar sub-select, "(select s.status from task_deadline_status(t, …) s)" (deadlineStatusSql), planned
//   with the statement and run per row from that one plan.
// - expected_reports() answers each kind of question (one task, one document, one agency, all) by its own branch, each
//   walking its index, the others switched off by a condition checked once per call; "task_filter is null or t.id =
//   task_filter" read every task each time.
// The answers are unchanged: compared row for row on the benchmark's data (50,000 tasks, 200,000 reports) for every
// task's status and for expected_reports() by task, document, agency and all; 80 µs a REPORTING task after, 1.8 ms before.
export class Migration20261123160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function expected_reports(
        from_day date, to_day date, today date, time_zone text, task_filter uuid, agency_filter uuid, document_filter uuid)
      returns table (task_id uuid, agency_id uuid, period_start date, period_end date, due_on date, status text, report_id uuid, received_on date)
      language sql stable parallel safe as $$
        with candidate as (
          -- One branch per kind of question, each walking its own index; the others are switched off by their first
          -- condition, which PostgreSQL checks once per call (a single "task_filter is null or t.id = task_filter"
          -- would read every task: 10 ms a call at 50,000 tasks).
          select t.* from task t where t.id = task_filter
          union all
          select t.* from clause c join task t on t.source_clause_id = c.id
          where task_filter is null and document_filter is not null and c.document_id = document_filter
          union all
          -- Asked about one agency, only the duties duty_reporters() could name it for: assigned to it or to a group
          -- it belongs to, or reported by a group it belongs to.
          select t.* from task t
          where task_filter is null and document_filter is null and agency_filter is not null and t.id = any(array(
              select a.task_id from assignment a
              where a.agency_id = any(array(
                select agency_filter union all select m.group_id from agency_group_member m where m.member_id = agency_filter))
              union all
              select g.id from task g join agency_group_member m on m.group_id = g.reporter_group_id where m.member_id = agency_filter))
          union all
          select t.* from task t
          where task_filter is null and document_filter is null and agency_filter is null and t.kind = 'REPORTING'
        ),
        duty as (
          -- The document's day through scalar subqueries rather than joins: joined, PostgreSQL plans for the largest
          -- branch and hashes every clause even when the question is about one task.
          select t.id, t.recurrence, t.due_date, t.report_due_day, t.report_due_month_offset, t.reporter_group_id, t.reporting_ends_on,
            coalesce(t.reporting_starts_on,
              (select d.issued_on from clause c join document d on d.id = c.document_id where c.id = t.source_clause_id),
              (t.created_at at time zone time_zone)::date) as starts_on
          from candidate t
          where t.kind = 'REPORTING' and t.progress_status <> 'CANCELLED'
            and (document_filter is null or (select c.document_id from clause c where c.id = t.source_clause_id) = document_filter)
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

    this.addSql(`drop function task_deadline_status(task, date, int, text);`);
    this.addSql(`drop function reporting_deadline_status(uuid, text, date, date, int, text);`);

    // The deadline status of any task (DeadlineStatus in the API), from the task's own row. A one-off REPORTING duty is
    // done when every reporter's report has arrived (late if one came late), overdue once one is missing; a recurring
    // duty is overdue while a report due in the past year is missing, due soon while one due within the window has not
    // come; a duty that expects nothing (no reporters, no schedule) is judged by its due date, as any task. A CANCELLED
    // task is no longer late.
    this.addSql(`create function task_deadline_status(t task, today date, due_soon_days int, time_zone text)
      returns table (status text) language sql stable parallel safe rows 1 as $$
        select case
          when t.completed_on is not null
            then case when t.due_date is null or t.completed_on <= t.due_date then 'DONE_ON_TIME' else 'DONE_LATE' end
          when t.progress_status = 'DONE' then 'DONE_ON_TIME'
          when t.progress_status = 'CANCELLED' then 'ON_TRACK'
          else coalesce(
            case when t.kind = 'REPORTING' then (
              select case
                when count(*) = 0 then null
                when t.recurrence = 'NONE' and bool_and(e.status in ('RECEIVED', 'LATE'))
                  then case when bool_or(e.status = 'LATE') then 'DONE_LATE' else 'DONE_ON_TIME' end
                when bool_or(e.status = 'MISSING') then 'OVERDUE'
                when bool_or(e.status = 'NOT_YET_DUE' and e.due_on <= today + due_soon_days) then 'DUE_SOON'
                else 'ON_TRACK' end
              from expected_reports(
                case when t.recurrence = 'NONE' then t.due_date else today - 365 end,
                case when t.recurrence = 'NONE' then t.due_date else today + due_soon_days end,
                today, time_zone, t.id, null, null) e) end,
            case when t.due_date is null then 'ON_TRACK'
                 when t.due_date < today then 'OVERDUE'
                 when t.due_date <= today + due_soon_days then 'DUE_SOON'
                 else 'ON_TRACK' end)
        end
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function task_deadline_status(task, date, int, text);`);
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

}
