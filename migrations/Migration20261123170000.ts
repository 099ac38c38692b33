import { Migration } from '@mikro-orm/migrations';

// Reviewed, hand-written: the expected reports of one duty as a function of the task's row, which both
// expected_reports() and task_deadline_status() call.
//
// task_deadline_status() asked expected_reports() about one task; PostgreSQL inlined it whole, its four branches
// included, and planned each task's status as if it might read every reporting duty (estimated cost 10^9 for a page of
// statuses). With estimates that large it chose parallel scans around it: the oversight's task statuses read the whole
// assignment table instead of the agency's index (W5, 160 → 40 ms at S=1). Now the status reads the one duty directly.
// Same answers: compared row for row on the benchmark's data, for every task's status and for expected_reports() by
// task, document, agency and all (docs/performance.md).
export class Migration20261123170000 extends Migration {

  override async up(): Promise<void> {
    // The reports one REPORTING task expects between from_day and to_day (by due date), per reporting agency and period,
    // with what arrived (see expected_reports); nothing for a task that is not a live reporting duty. The duty's first
    // day is its own start, else the document's date, else the day the task was entered. The clause and document are
    // joined rather than read by sub-select: a sub-select in its arguments would keep reporting_periods() from being
    // inlined (then run as a function call for every duty, 0.5 ms each).
    this.addSql(`create or replace function duty_expected_reports(t task, from_day date, to_day date, today date, time_zone text, agency_filter uuid)
      returns table (task_id uuid, agency_id uuid, period_start date, period_end date, due_on date, status text, report_id uuid, received_on date)
      language sql stable parallel safe as $$
        select t.id, r.agency_id, p.period_start, p.period_end, p.due_on,
          case when arrived.received_on is null then case when p.due_on < today then 'MISSING' else 'NOT_YET_DUE' end
               when arrived.received_on <= p.due_on then 'RECEIVED' else 'LATE' end,
          arrived.report_id, arrived.received_on
        from clause c join document d on d.id = c.document_id
        cross join lateral duty_reporters(t.id, t.reporter_group_id) r
        cross join lateral reporting_periods(t.recurrence, coalesce(t.reporting_starts_on, d.issued_on, (t.created_at at time zone time_zone)::date),
          t.reporting_ends_on, t.due_date, t.report_due_day, t.report_due_month_offset, from_day, to_day) p
        left join lateral (
          select (array_agg(rp.id order by rp.revision desc, rp.created_at desc))[1] as report_id,
            case when (array_agg(rp.status order by rp.revision desc, rp.created_at desc))[1] in ('SUBMITTED', 'ACCEPTED')
                 then min((rp.submitted_at at time zone time_zone)::date) end as received_on
          from report rp
          where rp.task_id = t.id and rp.agency_id = r.agency_id and rp.period_end between p.period_start and p.period_end
        ) arrived on true
        where c.id = t.source_clause_id and t.kind = 'REPORTING' and t.progress_status <> 'CANCELLED'
          and (agency_filter is null or r.agency_id = agency_filter)
      $$;`);

    // Every report REPORTING tasks expect: one branch per kind of question, each walking its own index (see
    // migration 20261123160000), then each duty's reports.
    this.addSql(`create or replace function expected_reports(
        from_day date, to_day date, today date, time_zone text, task_filter uuid, agency_filter uuid, document_filter uuid)
      returns table (task_id uuid, agency_id uuid, period_start date, period_end date, due_on date, status text, report_id uuid, received_on date)
      language sql stable parallel safe as $$
        with candidate as (
          select t.* from task t where t.id = task_filter
          union all
          select t.* from clause c join task t on t.source_clause_id = c.id
          where task_filter is null and document_filter is not null and c.document_id = document_filter
          union all
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
        )
        select e.*
        from candidate t cross join lateral duty_expected_reports(t, from_day, to_day, today, time_zone, agency_filter) e
        where document_filter is null or exists (select from clause c where c.id = t.source_clause_id and c.document_id = document_filter)
      $$;`);

    this.addSql(`create or replace function task_deadline_status(t task, today date, due_soon_days int, time_zone text)
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
              from duty_expected_reports(t,
                case when t.recurrence = 'NONE' then t.due_date else today - 365 end,
                case when t.recurrence = 'NONE' then t.due_date else today + due_soon_days end,
                today, time_zone, null) e) end,
            case when t.due_date is null then 'ON_TRACK'
                 when t.due_date < today then 'OVERDUE'
                 when t.due_date <= today + due_soon_days then 'DUE_SOON'
                 else 'ON_TRACK' end)
        end
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function task_deadline_status(t task, today date, due_soon_days int, time_zone text)
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
    this.addSql(`drop function duty_expected_reports(task, date, date, date, text, uuid);`);
  }

}
