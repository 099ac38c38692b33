// What PostgreSQL reads to answer a list must follow from what the list holds, not from a guess about how the rows
// lie. The plans are taken from the statements the server sends, run again under EXPLAIN ANALYZE.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { encodeGlobalId } from '../../server/graphql/global-id';
import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let sql: Client;

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** Rows the plan read from `table`, over every scan of it and every loop of each scan. */
function rowsReadFrom(node: PlanNode, table: string): number {
  const own = node['Relation Name'] === table ? node['Actual Rows'] * node['Actual Loops'] : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsReadFrom(child, table), 0);
}

/** The statements the server sends while `request` runs, with their bindings. */
async function statementsOf(request: () => Promise<unknown>): Promise<{ sql: string; bindings: unknown[] }[]> {
  const knex = app.orm.em.getConnection().getKnex();
  const seen: { sql: string; bindings: unknown[] }[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => seen.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex.on('query', listener);
  try {
    await request();
  } finally {
    knex.off('query', listener);
  }
  return seen;
}

const AGENCY_TASKS = 500;
const OTHER_TASKS = 20000;
let agencyUuid: string;

beforeAll(async () => {
  app = await createTestApp();
  sql = new Client({ connectionString: app.databaseUrl });
  await sql.connect();
  // Thousands of tasks over ten years of due dates, the agency's all due last: a page of its tasks by due date, found by
  // walking all tasks in that order until fifty of its own turn up, reads nearly every task.
  agencyUuid = (await sql.query<{ id: string }>('select id from agency where not is_group order by id limit 1')).rows[0].id;
  await sql.query(
    `with numbered as (
       insert into task (id, created_at, source_clause_id, title, due_date, recurrence, kind, progress_status, targets)
       select gen_random_uuid(), now(), (select id from clause order by id limit 1), 'Nhiệm vụ nền ' || n,
              date '2020-01-01' + n / 6, 'NONE', 'ACTION', 'NOT_STARTED', '[]'
         from generate_series(1, $2::int + $3::int) n
       returning id, due_date),
     others as (select id, row_number() over (order by id) as k from agency where not is_group and id <> $1)
     insert into assignment (id, created_at, task_id, agency_id, role, requested, inherited)
     select gen_random_uuid(), now(), numbered.id,
            case when rank > $2 then $1
                 else (select id from others where k = 1 + rank % (select count(*) from others)) end,
            'LEAD', false, false
       from (select id, row_number() over (order by due_date, id) as rank from numbered) numbered`,
    [agencyUuid, OTHER_TASKS, AGENCY_TASKS],
  );
  await sql.query('analyze task; analyze assignment');
});
afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

describe('query plans', () => {
  it("read an agency's tasks page from its assignments, however its tasks lie in the page's order", async () => {
    const agencyTasks = Number((await sql.query('select count(*) from assignment where agency_id = $1', [agencyUuid])).rows[0].count);
    expect(agencyTasks).toBeGreaterThanOrEqual(AGENCY_TASKS);
    const agencyId = encodeGlobalId('Agency', agencyUuid);

    let answer: any;
    const statements = await statementsOf(async () => {
      answer = await app.ok(
        `query ($agencyId: ID!) {
          tasks(first: 50, filter: { agencyId: $agencyId }, orderBy: [{ field: DUE_DATE, direction: ASC }]) { totalCount nodes { dueDate } }
        }`,
        { agencyId },
      );
    });
    expect(answer.tasks.totalCount).toBe(agencyTasks);
    const dueDates = answer.tasks.nodes.map((task: { dueDate: string }) => task.dueDate);
    expect(dueDates).toEqual(
      (
        await sql.query<{ due: string }>(
          `select to_char(t.due_date, 'YYYY-MM-DD') as due from task t join assignment a on a.task_id = t.id
            where a.agency_id = $1 order by t.due_date, t.id limit 50`,
          [agencyUuid],
        )
      ).rows.map((row) => row.due),
    );

    const page = statements.find((statement) => /from "task"/.test(statement.sql) && /limit/.test(statement.sql));
    expect(page, statements.map((statement) => statement.sql).join('\n')).toBeDefined();
    const knex = app.orm.em.getConnection().getKnex();
    const explained = await knex.raw(`explain (analyze, format json) ${page!.sql}`, page!.bindings as never[]);
    const plan: PlanNode = explained.rows[0]['QUERY PLAN'][0].Plan;
    // Counting reads each of the agency's tasks once and the page once more; nothing else.
    expect(rowsReadFrom(plan, 'task')).toBeLessThanOrEqual(2 * agencyTasks);
  });

  it('read the agencies a search matches once, for both the count and the page', async () => {
    let answer: any;
    const statements = await statementsOf(async () => {
      answer = await app.ok(`{ agencies(first: 3, filter: { search: "tinh" }) { totalCount nodes { name } } }`);
    });
    const matches = answer.agencies.totalCount as number;
    expect(matches).toBeGreaterThan(3);
    const expected = await sql.query<{ name: string }>(
      `select name from agency where search_text(variadic array[name, short_name] || aliases) like '%tinh%'
        order by search_text(name), name, id limit 3`,
    );
    expect(answer.agencies.nodes.map((node: { name: string }) => node.name)).toEqual(expected.rows.map((row) => row.name));

    const page = statements.find((statement) => /from "agency"/.test(statement.sql) && /limit/.test(statement.sql));
    expect(page, statements.map((statement) => statement.sql).join('\n')).toBeDefined();
    const knex = app.orm.em.getConnection().getKnex();
    const explained = await knex.raw(`explain (analyze, format json) ${page!.sql}`, page!.bindings as never[]);
    const plan: PlanNode = explained.rows[0]['QUERY PLAN'][0].Plan;
    expect(rowsReadFrom(plan, 'agency')).toBe(matches);
  });
});
