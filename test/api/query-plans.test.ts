// What PostgreSQL reads to answer a list must follow from what the list holds, not from a guess about how the rows
// lie. The plans are taken from the statements the server sends, run again under EXPLAIN ANALYZE.
import { randomUUID } from 'node:crypto';

import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeGlobalId, encodeGlobalId } from '../../server/graphql/global-id';
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

/** The plan as an indented outline of its nodes, with the rows each returned and its loops: a failure's message. */
function outline(plan: PlanNode, depth = 0): string {
  const node = plan as PlanNode & Record<string, unknown>;
  const own = ['Node Type', 'Relation Name', 'Index Name', 'Subplan Name', 'Index Cond', 'Hash Cond', 'Join Filter', 'Filter']
    .filter((key) => node[key] != null)
    .map((key) => String(node[key]))
    .join(' ');
  const line = `${'  '.repeat(depth)}${own} (rows ${node['Actual Rows']} × ${node['Actual Loops']})`;
  return [line, ...(node.Plans ?? []).map((child) => outline(child, depth + 1))].join('\n');
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

/** The plan PostgreSQL settles on for `statement` after its fifth run as a prepared statement, whatever its values. */
async function genericPlanOf(statement: { sql: string; bindings: unknown[] }): Promise<PlanNode> {
  let index = 0;
  await sql.query(`prepare generic_plan as ${statement.sql.replace(/\?/g, () => `$${++index}`)}`);
  try {
    await sql.query('set plan_cache_mode = force_generic_plan');
    const values = statement.bindings.map((value) => (value == null ? 'null' : sql.escapeLiteral(String(value)))).join(', ');
    const explained = await sql.query(`explain (analyze, format json) execute generic_plan(${values})`);
    return explained.rows[0]['QUERY PLAN'][0].Plan;
  } finally {
    await sql.query('reset plan_cache_mode; deallocate generic_plan');
  }
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

  it("look up the records of a task's trace by their keys, in the generic plan of its one statement", async () => {
    // A registry's thousands of documents and references to them: a plan that joins them by hashing reads every one;
    await sql.query(
      `insert into document (id, kind, symbol, title)
       select gen_random_uuid(), 'PLAN', n || '/KH-NEN', 'Kế hoạch nền ' || n from generate_series(1, 3000) n`,
    );
    await sql.query(
      `insert into document_relation (id, from_document_id, to_document_id, type)
       select gen_random_uuid(), d.id, (select id from document where symbol = '183-QĐ/TW'), 'IMPLEMENTS'
         from document d where d.symbol like '%/KH-NEN'`,
    );
    // and their clauses, a few each: a table small enough to read whole is read whole, rightly (the template's 29 were).
    await sql.query(
      `insert into clause (id, document_id, position, label, kind, text, path, tree_order)
       select gen_random_uuid(), d.id, n, n || '.', 'ITEM', 'Điều khoản nền ' || n, n::text, n
         from document d cross join generate_series(1, 5) n where d.symbol like '%/KH-NEN'`,
    );
    await sql.query('analyze document; analyze document_relation; analyze clause');
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { clause(path: "II.3.3") { tasks { id } } } }`);
    let answer: any;
    const statements = await statementsOf(async () => {
      answer = await app.ok(
        `query($id: ID!) { task(id: $id) { trace { clauses { path } lineage { to { symbol } citingClause { path } } roots { symbol } } } }`,
        { id: document.clause.tasks[0].id },
      );
    });
    expect(answer.task.trace.lineage.map((step: any) => [step.to.symbol, step.citingClause?.path ?? null])).toEqual([
      ['197-KH/TU', 'preamble'],
      ['183-QĐ/TW', null],
    ]);
    const trace = statements.find((statement) => /with recursive chosen/.test(statement.sql));
    expect(trace, statements.map((statement) => statement.sql).join('\n')).toBeDefined();
    const plan = await genericPlanOf(trace!);
    // The task's document and the two above it; the references walked and looked up; the task's clause and the two
    // above it, walked and looked up, and the clause citing the plan's basis.
    expect(rowsReadFrom(plan, 'document'), outline(plan)).toBeLessThanOrEqual(3);
    expect(rowsReadFrom(plan, 'document_relation'), outline(plan)).toBeLessThanOrEqual(6);
    expect(rowsReadFrom(plan, 'clause'), outline(plan)).toBeLessThanOrEqual(8);
  });

  it("cite a clause from the clauses above it, not from its document's whole tree", async () => {
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { clauses { id path citation ancestors { path } } } }`);
    expect(document.clauses.length).toBeGreaterThan(25);
    const fromTree = document.clauses.find((clause: { path: string }) => clause.path === 'II.3.3');
    let answer: any;
    const statements = await statementsOf(async () => {
      answer = await app.ok(`query($id: ID!) { node(id: $id) { ... on Clause { citation ancestors { path } } } }`, { id: fromTree.id });
    });
    expect(answer.node).toEqual({ citation: fromTree.citation, ancestors: [{ path: 'II' }, { path: 'II.3' }] });
    // The rows the server read back: the clause, its two ancestors walked up by key, the document; where its document
    // has dozens of clauses. (The test database is too small for its plans to say how a large one reads.)
    const knex = app.orm.em.getConnection().getKnex();
    let rowsBack = 0;
    for (const statement of statements) rowsBack += (await knex.raw(statement.sql, statement.bindings as never[])).rows.length;
    expect(rowsBack, statements.map((statement) => statement.sql).join('\n')).toBeLessThanOrEqual(4);
  });

  it('write a new task looking up the agencies it names by key, in the generic plan of its one statement', async () => {
    // A national registry's thousands of agencies, with their short names and aliases: a plan that joins them by
    // hashing reads every one (PostgreSQL 15 did, for a plain join, with this data; 18 did at the benchmark's S=10).
    await sql.query(
      `insert into agency (id, name, short_name, aliases, kind, level)
       select gen_random_uuid(), 'Sở Kế hoạch và Đầu tư nền số ' || n, 'Sở KH&ĐT ' || n,
              array['Sở Kế hoạch - Đầu tư tỉnh nền ' || n, 'Sở Kế hoạch và Đầu tư tỉnh nền ' || n, 'SKHĐT nền ' || n],
              'DEPARTMENT', 'PROVINCE'
         from generate_series(1, 5000) n`,
    );
    await sql.query('analyze agency');
    const clause = (await sql.query<{ id: string }>(`select id from clause where kind not in ('PART', 'PARAGRAPH') limit 1`)).rows[0].id;
    const agencies = (await sql.query<{ id: string }>('select id from agency where not is_group order by id limit 2')).rows;
    let answer: any;
    const statements = await statementsOf(async () => {
      answer = await app.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id assignments { id agency { id } } } }`, {
        input: {
          sourceClauseId: encodeGlobalId('Clause', clause),
          title: 'Nhiệm vụ đo kế hoạch',
          assignments: agencies.map((agency, index) => ({
            agencyId: encodeGlobalId('Agency', agency.id),
            role: index ? 'COORDINATOR' : 'LEAD',
          })),
        },
      });
    });
    expect(answer.createTask.assignments.map((assignment: any) => assignment.agency.id)).toEqual(
      agencies.map((agency) => encodeGlobalId('Agency', agency.id)),
    );
    const insert = statements.find((statement) => /"inserted_task"/.test(statement.sql));
    expect(insert, statements.map((statement) => statement.sql).join('\n')).toBeDefined();
    // Run again under EXPLAIN ANALYZE as new records (fresh keys), and undone.
    const written = [answer.createTask.id, ...answer.createTask.assignments.map((assignment: { id: string }) => assignment.id)].map(
      (id: string) => decodeGlobalId(id)!.uuid,
    );
    const renamed = written.map(() => randomUUID());
    const bindings = insert!.bindings.map((value) =>
      typeof value === 'string' ? written.reduce((text, uuid, index) => text.replaceAll(uuid, renamed[index]), value) : value,
    );
    await sql.query('begin');
    try {
      const plan = await genericPlanOf({ sql: insert!.sql, bindings });
      // The two agencies checked, and the same two read back with the assignments.
      expect(rowsReadFrom(plan, 'agency'), outline(plan)).toBeLessThanOrEqual(4);
    } finally {
      await sql.query('rollback');
    }
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
