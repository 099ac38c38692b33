// Deadline statuses, the loaders' look-ups by key and the lists of agencies come from prepared statements
// (server/database/prepared-query.ts): the same answers as the statement written out, on every run (PostgreSQL switches
// to a generic plan after the fifth), and inside a transaction; past its limit of texts, unprepared (which is why the
// test of that limit runs after the others).
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { preparedQuery } from '../../server/database/prepared-query';
import { withStatementCount } from '../../server/database/sql-statement-counter';
import { createContext } from '../../server/graphql/context';
import { pgArray } from '../../server/graphql/dataloader';
import { encodeGlobalId } from '../../server/graphql/global-id';
import { deadlineStatusSql } from '../../server/modules/task/deadline';
import { createTestApp, TEST_TODAY, type TestApp } from '../support/test-app';

/** How many times each statement prepared on `em`'s connection whose text is like `pattern` ran with its generic plan. */
function genericPlansOf(em: EntityManager, pattern: string) {
  return preparedQuery<{ generic_plans: number }>(
    em,
    `select generic_plans::int from pg_prepared_statements where statement like ? and statement not like '%pg_prepared_statements%'`,
    [pattern],
  );
}

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

  it("keep a generic plan for a look-up by one key and a trace's walks from one clause and one document", async () => {
    const em = app.orm.em.fork();
    const [task] = await em.getConnection().execute<{ clause: string; document: string }[]>(
      `select t.source_clause_id as clause, c.document_id as document from task t join clause c on c.id = t.source_clause_id
        where c.parent_id is not null and exists (select 1 from document_relation r where r.from_document_id = c.document_id)
        limit 1`,
    );
    expect(task).toBeDefined();
    // PostgreSQL weighs a generic plan against custom ones by the tables' sizes: give the clauses a national registry's
    // number (a hundred thousand, in one document's flat list), and statistics, as autovacuum would.
    await em.getConnection().execute(
      `insert into clause (id, created_at, document_id, parent_id, position, label, kind, text, path, tree_order)
       select gen_random_uuid(), now(), ?, null, 10000 + n, n::text, 'ITEM', 'Khoản thêm ' || n, 'X.' || n, 10000 + n
         from generate_series(1, 100000) n`,
      [task.document],
    );
    await em.getConnection().execute('analyze clause; analyze document; analyze document_relation');
    for (let run = 0; run < 8; run++) {
      const { loaders } = createContext(app.orm, app.config);
      expect((await loaders.clause.byUuid.load(task.clause))?.uuid).toBe(task.clause);
      expect((await loaders.clause.chainUuids.load(task.clause)).length).toBeGreaterThan(1);
      expect((await loaders.trace.lineageUp.load(task.document)).length).toBeGreaterThan(0);
    }
    // On the connection the statements ran on (sequential queries reuse the pool's idle connection): planned afresh for
    // the first five runs, then the generic plan. With the key in a one-element array, every run was a custom plan.
    const walks = await preparedQuery<{ statement: string; generic_plans: number; custom_plans: number }>(
      em,
      `select statement, generic_plans::int, custom_plans::int from pg_prepared_statements
        where (statement like '%with recursive chain%' or statement like '%with recursive walk%' or statement like '%from "clause" where%')
          and statement not like '%pg_prepared_statements%'`,
      [],
    );
    expect(walks).toHaveLength(3);
    for (const walk of walks) expect(walk.generic_plans, walk.statement).toBeGreaterThanOrEqual(3);
  });

  it('plan a search of agencies once, whatever its words, and answer it as before', async () => {
    const em = app.orm.em.fork();
    const agencies = await em
      .getConnection()
      .execute<{ name: string; words: string }[]>(
        `select name, array_to_string((string_to_array(search_text(name), ' '))[1:2], ' ') as words from agency order by name limit 8`,
      );
    expect(agencies).toHaveLength(8);
    for (const agency of agencies) {
      const { agencies: found } = await app.ok(
        `query($search: String!) { agencies(first: 100, filter: { search: $search }) { nodes { name } } }`,
        {
          search: agency.words,
        },
      );
      expect(found.nodes.map((node: { name: string }) => node.name)).toContain(agency.name);
    }
    // Two words each: one statement text, planned afresh for the first five searches, then the generic plan.
    const searches = await genericPlansOf(em, '%from "agency" t where%like search_text%');
    expect(searches).toHaveLength(1);
    expect(searches[0].generic_plans).toBeGreaterThanOrEqual(3);
  });

  it("plan an agency's page of tasks, with their statuses, clauses and documents, once for every agency", async () => {
    const em = app.orm.em.fork();
    const agencies = await em
      .getConnection()
      .execute<{ id: string }[]>(`select agency_id as id from assignment group by agency_id order by count(*) desc, agency_id limit 8`);
    expect(agencies).toHaveLength(8);
    for (const agency of agencies) {
      const { tasks } = await app.ok(
        `query($agencyId: ID!) { tasks(first: 50, filter: { agencyId: $agencyId }) { totalCount nodes { deadlineStatus sourceClause { document { symbol } } } } }`,
        { agencyId: encodeGlobalId('Agency', agency.id) },
      );
      expect(tasks.nodes.length).toBeGreaterThan(0);
    }
    // The statuses' functions, inlined, cost milliseconds to plan: planned afresh for the first five pages, then the
    // generic plan (docs/performance.md, change 40).
    const pages = await genericPlansOf(em, '%"$deadline_status"%');
    expect(pages).toHaveLength(1);
    expect(pages[0].generic_plans).toBeGreaterThanOrEqual(3);
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
