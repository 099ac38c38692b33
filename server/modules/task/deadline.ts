// The deadline status of a task, derived and never stored: once in TypeScript for a field, once in SQL for a filter.
import { raw } from '@mikro-orm/core';

import { DeadlineStatus, ProgressStatus } from './task.enums';

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface Dated {
  dueDate?: string | null;
  completedOn?: string | null;
  progressStatus: ProgressStatus;
}

export function deadlineStatusOf(task: Dated, today: string, dueSoonDays: number): DeadlineStatus {
  if (task.completedOn) {
    return !task.dueDate || task.completedOn <= task.dueDate ? DeadlineStatus.DONE_ON_TIME : DeadlineStatus.DONE_LATE;
  }
  if (task.progressStatus === ProgressStatus.DONE) return DeadlineStatus.DONE_ON_TIME;
  if (!task.dueDate) return DeadlineStatus.ON_TRACK;
  if (task.dueDate < today) return DeadlineStatus.OVERDUE;
  if (task.dueDate <= addDays(today, dueSoonDays)) return DeadlineStatus.DUE_SOON;
  return DeadlineStatus.ON_TRACK;
}

/** The same rule as deadlineStatusOf, as a MikroORM filter on the task table. */
export function deadlineStatusFilter(statuses: DeadlineStatus[], today: string, dueSoonDays: number): Record<string, unknown> {
  const dueSoonUntil = addDays(today, dueSoonDays);
  return {
    [raw(
      (t: string) => `(case
        when ${t}.completed_on is not null then
          case when ${t}.due_date is null or ${t}.completed_on <= ${t}.due_date then 'DONE_ON_TIME' else 'DONE_LATE' end
        when ${t}.progress_status = 'DONE' then 'DONE_ON_TIME'
        when ${t}.due_date is null then 'ON_TRACK'
        when ${t}.due_date < ?::date then 'OVERDUE'
        when ${t}.due_date <= ?::date then 'DUE_SOON'
        else 'ON_TRACK' end) in (${statuses.map(() => '?').join(', ')})`,
      [today, dueSoonUntil, ...statuses],
    )]: true,
  };
}
