// The deadline status of a task is derived, never stored, and defined once: by the SQL function task_deadline_status
// (migrations), which weighs due date, completion, and for reporting duties the reports that came in. The field, the
// filter and the oversight figures all ask it, so they cannot disagree.
import type { EntityManager } from '@mikro-orm/postgresql';

import { preparedQuery } from '../../database/prepared-query';
import { pgArray, SettledLoader } from '../../graphql/dataloader';
import { sqlCondition } from '../../graphql/filter-sql';
import type { DeadlineStatus } from './task.enums';

export interface DeadlineSettings {
  today: string;
  dueSoonDays: number;
  timeZone: string;
}

/**
 * The SQL expression of the status of the task row `alias`, with its three parameters. A sub-select of the function's
 * one row, not a call of a scalar function: PostgreSQL inlines it and plans it once with the statement (a scalar
 * function would be planned again for every task; see migration 20261123160000).
 */
export function deadlineStatusSql(alias: string, settings: DeadlineSettings): { sql: string; params: unknown[] } {
  return {
    sql: `(select deadline.status from task_deadline_status(${alias}, ?::date, ?::int, ?) deadline)`,
    params: [settings.today, settings.dueSoonDays, settings.timeZone],
  };
}

/** A MikroORM filter on the task table: tasks whose status is one of `statuses`. */
export function deadlineStatusFilter(statuses: DeadlineStatus[], settings: DeadlineSettings): Record<string, unknown> {
  const placeholders = statuses.map(() => '?').join(', ');
  return sqlCondition(
    (t) => `${deadlineStatusSql(t, settings).sql} in (${placeholders})`,
    [...deadlineStatusSql('t', settings).params, ...statuses],
  );
}

/**
 * The statuses of the tasks a request shows, in one statement; or, where a statement that reads the tasks anyway can
 * select them too (`column`), in that statement, which gives them to the loader (`prime`).
 */
export class DeadlineStatusLoader extends SettledLoader<string, DeadlineStatus> {
  constructor(
    em: EntityManager,
    private readonly settings: DeadlineSettings,
  ) {
    super(async (uuids) => {
      const status = deadlineStatusSql('t', settings);
      const rows = await preparedQuery<{ id: string; status: DeadlineStatus }>(
        em,
        `select t.id, ${status.sql} as status from task t where t.id = any(?::uuid[])`,
        [...status.params, pgArray([...uuids])],
      );
      const byUuid = new Map(rows.map((row) => [row.id, row.status]));
      return uuids.map((uuid) => byUuid.get(uuid) ?? new Error(`Task ${uuid} is gone`));
    });
  }

  /** The status of the task row `alias` as this loader computes it, for another statement to select. */
  column(alias: string): { sql: string; params: unknown[] } {
    return deadlineStatusSql(alias, this.settings);
  }
}

/** The calendar day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
