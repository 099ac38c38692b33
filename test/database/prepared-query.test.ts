// Deadline statuses and the loaders' look-ups by key come from prepared statements (server/database/prepared-query.ts):
// the same answers as the statement written out, on every run (PostgreSQL switches to a generic plan after the fifth),
// and inside a transaction; past its limit of texts, unprepared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { preparedQuery } from '../../server/database/prepared-query';
import { withStatementCount } from '../../server/database/sql-statement-counter';
import { createContext } from '../../server/graphql/context';
import { pgArray } from '../../server/graphql/dataloader';
import { deadlineStatusSql } from '../../server/modules/task/deadline';
import { createTestApp, TEST_TODAY, type TestApp } from '../support/test-app';

describe('prepared statements', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.stop());

  it('answer what the statement written out answers, run after run, and are counted', async () => {
    const em = app.orm.em.fork();
    const tasks = await em.getConnection().execute<{ id: string }[]>('select id from task order by id');
    const uuids = tasks.map((task) => task.id);
    expect(uuids.length).toBeGreaterThan(10);
    // The demo's tasks have no due dates: give some, so that the statuses differ.
    await em.getConnection().execute(`update task set due_date = '2025-01-15' where id = any(?::uuid[])`, [pgArray(uuids.slice(0, 4))]);
    await em.getConnection().execute(`update task set due_date = '2025-03-04' where id = any(?::uuid[])`, [pgArray(uuids.slice(4, 8))]);
    const settings = { today: TEST_TODAY, dueSoonDays: app.config.dueSoonDays, timeZone: app.config.timeZone };
    const status = deadlineStatusSql('t', settings);
    const sql = `select t.id, ${status.sql} as status from task t where t.id = any(?::uuid[]) order by t.id`;
    const written = await em.execute(sql, [...status.params, pgArray(uuids)]);
    expect(new Set(written.map((row) => row.status))).toEqual(new Set(['OVERDUE', 'DUE_SOON', 'ON_TRACK']));
    for (let run = 0; run < 8; run++) {
      const { result, statements } = await withStatementCount(() =>
        preparedQuery(app.orm.em.fork(), sql, [...status.params, pgArray(uuids)]),
      );
      expect(result).toEqual(written);
      expect(statements).toBe(1);
    }
    const inTransaction = await app.orm.em.fork().transactional((trx) => preparedQuery(trx, sql, [...status.params, pgArray(uuids)]));
    expect(inTransaction).toEqual(written);
  });

  it('stop preparing new texts past their limit, and still answer them', async () => {
    const em = app.orm.em.fork();
    for (let n = 0; n < 250; n++) {
      const [row] = await preparedQuery<{ n: number }>(em, `select ?::int + ${n} as n`, [1]);
      expect(row.n).toBe(n + 1);
    }
    // Sequential queries reuse the pool's idle connection, so without the limit it would hold some 250 statements.
    const [{ prepared }] = await preparedQuery<{ prepared: number }>(
      em,
      'select count(*)::int as prepared from pg_prepared_statements',
      [],
    );
    expect(prepared).toBeLessThanOrEqual(200);
  });

  it('serve the deadlineStatus loader', async () => {
    const context = createContext(app.orm, app.config);
    const [{ id }] = await context.em.getConnection().execute<{ id: string }[]>('select id from task limit 1');
    expect(await context.loaders.task.deadlineStatus.load(id)).toMatch(/^(ON_TRACK|DUE_SOON|OVERDUE|DONE_ON_TIME|DONE_LATE)$/);
  });
});
