// A page's SQL cost must not grow with its size: every relation goes through a per-request DataLoader.
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { encodeGlobalId } from '../../server/graphql/global-id';
import { createSmallPlan } from '../support/small-plan';
import { createTestApp, type GraphQLResponse, type TestApp } from '../support/test-app';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
  // The demo plan has 21 tasks; add enough that a page of 50 is full.
  const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { clauses { id path } } }`);
  const agencies = (await app.ok(`{ agencies(first: 4) { nodes { id } } }`)).agencies.nodes;
  const clauses = document.clauses.filter((clause: { path: string }) => clause.path.startsWith('II.'));
  for (let index = 0; index < 40; index++) {
    await app.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
      input: {
        sourceClauseId: clauses[index % clauses.length].id,
        title: `Nhiệm vụ thử ${index}`,
        dueDate: `2025-0${(index % 9) + 1}-15`,
        assignments: [
          { agencyId: agencies[index % 4].id, role: 'LEAD' },
          { agencyId: agencies[(index + 1) % 4].id, role: 'COORDINATOR' },
        ],
      },
    });
  }
});
afterAll(async () => app?.stop());

const TASKS_PAGE = /* GraphQL */ `
  query ($first: Int!) {
    tasks(first: $first) {
      totalCount
      nodes {
        title
        deadlineStatus
        sourceClause {
          path
          citation
          document {
            symbol
            issuer {
              name
            }
          }
        }
        document {
          symbol
        }
        assignments {
          role
          agency {
            name
            shortName
            parent {
              name
            }
          }
        }
      }
    }
  }
`;

/** Both requests answered, and `compared` took as many SQL statements as `base`, which took some. */
function expectAsManyStatements(base: GraphQLResponse, compared: GraphQLResponse): void {
  expect(base.errors).toBeUndefined();
  expect(compared.errors).toBeUndefined();
  expect(base.sqlStatements).toBeGreaterThan(0);
  expect(compared.sqlStatements).toBe(base.sqlStatements);
}

describe('SQL statements per request', () => {
  it('are the same for a tasks page of 5 and of 50, with clause, document, assignments and agencies nested', async () => {
    const small = await app.gql(TASKS_PAGE, { first: 5 });
    const large = await app.gql(TASKS_PAGE, { first: 50 });
    expectAsManyStatements(small, large);
    expect(small.data.tasks.nodes).toHaveLength(5);
    expect(large.data.tasks.nodes).toHaveLength(50);
    expect(large.data.tasks.nodes.every((task: any) => task.assignments.length > 0)).toBe(true);
  });

  // W2 of the benchmark: what a task's clause and assignments point at comes in their statements, joined.
  it("are no more for a page's clauses with their documents and assignments with their agencies than without them", async () => {
    const page = (clause: string, assignment: string) =>
      app.gql(`{ tasks(first: 50) { nodes { id sourceClause { ${clause} } assignments { ${assignment} } } } }`);
    const bare = await page('path', 'role');
    const joined = await page('path document { id symbol }', 'role agency { id name shortName }');
    expectAsManyStatements(bare, joined);
    // The joined rows are those each task's own fields read through the loaders, one task at a time.
    const tasks = joined.data.tasks.nodes;
    expect(tasks).toHaveLength(50);
    for (const task of tasks) {
      const { task: alone } = await app.ok(
        `query($id: ID!) { task(id: $id) { id sourceClause { path document { id symbol } } assignments { role agency { id name shortName } } } }`,
        { id: task.id },
      );
      expect(task).toEqual(alone);
    }
  });

  // W2 of the benchmark: an agency's page brings its statuses, clauses and documents in its own statement (task.page.ts).
  it("are no more for an agency's page with each task's status, clause and document than for the page alone", async () => {
    const agencies = (await app.ok(`{ agencies(first: 4) { nodes { id } } }`)).agencies.nodes;
    const page = (fields: string) =>
      app.gql(
        `query($agencyId: ID!) { tasks(first: 50, filter: { agencyId: $agencyId }, orderBy: [{ field: DUE_DATE, direction: ASC }]) {
        totalCount nodes { id ${fields} } } }`,
        { agencyId: agencies[0].id },
      );
    const bare = await page('');
    const shown = await page('deadlineStatus dueDate sourceClause { path document { id symbol } } document { title }');
    expectAsManyStatements(bare, shown);
    const tasks = shown.data.tasks.nodes;
    expect(tasks.length).toBeGreaterThan(10);
    expect(tasks.map((task: { id: string }) => task.id)).toEqual(bare.data.tasks.nodes.map((task: { id: string }) => task.id));
    expect(new Set(tasks.map((task: { deadlineStatus: string }) => task.deadlineStatus)).size).toBeGreaterThan(1);
    for (const task of tasks) {
      const { task: alone } = await app.ok(
        `query($id: ID!) { task(id: $id) { id deadlineStatus dueDate sourceClause { path document { id symbol } } document { title } } }`,
        { id: task.id },
      );
      expect(task).toEqual(alone);
    }
  });

  // W3 of the benchmark: a document's tasks bring their statuses in the statement that reads them.
  it("are no more for a document's tasks with their deadline statuses than without them", async () => {
    const tree = (fields: string) =>
      app.gql(`query($symbol: String!) { document(symbol: $symbol) { clauses { path tasks { id ${fields} } } } }`, {
        symbol: '19/KH-UBND',
      });
    const bare = await tree('title');
    const shown = await tree('title dueDate deadlineStatus');
    expectAsManyStatements(bare, shown);
    const tasks = shown.data.document.clauses.flatMap((clause: { tasks: unknown[] }) => clause.tasks);
    expect(tasks.length).toBeGreaterThan(20);
    expect(new Set(tasks.map((task: { deadlineStatus: string }) => task.deadlineStatus)).size).toBeGreaterThan(1);
    for (const task of tasks) {
      const { task: alone } = await app.ok(`query($id: ID!) { task(id: $id) { id title dueDate deadlineStatus } }`, { id: task.id });
      expect(task).toEqual(alone);
    }
  });

  // W3 of the benchmark: a document asked by its id with its clauses comes with them, in one statement.
  it('are no more for a document by id with its clauses than for the document alone, which it answers the same', async () => {
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { id } }`);
    const read = (fields: string) => app.gql(`query($id: ID!) { document(id: $id) { id symbol title ${fields} } }`, { id: document.id });
    const alone = await read('');
    const withClauses = await read('clauses { path document { symbol } }');
    expectAsManyStatements(alone, withClauses);
    expect(withClauses.data.document.clauses.length).toBeGreaterThan(10);
    expect(withClauses.data.document.clauses.every((clause: any) => clause.document.symbol === '19/KH-UBND')).toBe(true);
    const { clauses: _clauses, ...fields } = withClauses.data.document;
    expect(fields).toEqual(alone.data.document);
    // A document without clauses, and one that does not exist, are answered as before.
    const { createDocument: empty } = await app.ok(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`, {
      input: { kind: 'PLAN', symbol: '7/KH-TRONG', title: 'Kế hoạch chưa có khoản nào' },
    });
    expect((await app.ok(`query($id: ID!) { document(id: $id) { symbol clauses { path } } }`, { id: empty.id })).document).toEqual({
      symbol: '7/KH-TRONG',
      clauses: [],
    });
    const missing = encodeGlobalId('Document', randomUUID());
    expect((await app.ok(`query($id: ID!) { document(id: $id) { symbol clauses { path } } }`, { id: missing })).document).toBeNull();
  });

  it("are no more for a page asking its tasks' document both directly and through their clause than through the clause alone", async () => {
    const page = (fields: string) => app.gql(`{ tasks(first: 50) { nodes { id sourceClause { path document { symbol } } ${fields} } } }`);
    const once = await page('');
    const twice = await page('document { symbol }');
    expect(twice.errors).toBeUndefined();
    expect(twice.data.tasks.nodes.every((task: any) => task.document.symbol === task.sourceClause.document.symbol)).toBe(true);
    expect(once.sqlStatements).toBeGreaterThan(0);
    expect(twice.sqlStatements).toBe(once.sqlStatements);
  });

  // W1 of the benchmark: the walks up a clause's chain and a document's lineage bring the rows a trace shows.
  it('are no more for a trace with its documents, citing clauses and roots than for its lineage alone', async () => {
    const trace = (selection: string) =>
      app.gql(`{ tasks(first: 1, filter: { search: "Nhiệm vụ thử 7" }) { nodes { trace { ${selection} } } } }`);
    const bare = await trace('lineage { depth }');
    const full = await trace(
      'clauses { path text } document { symbol title } lineage { depth type to { symbol title } citingClause { path text } } roots { symbol }',
    );
    expectAsManyStatements(bare, full);
    const [shown] = full.data.tasks.nodes;
    expect(shown.trace.lineage.length).toBeGreaterThan(0);
    expect(shown.trace.lineage.map((step: any) => [step.to.symbol, step.citingClause?.path ?? null])).toEqual([
      ['197-KH/TU', 'preamble'],
      ['183-QĐ/TW', null],
    ]);
    expect(shown.trace.roots.map((root: { symbol: string }) => root.symbol)).toEqual(['183-QĐ/TW']);
  });

  it('are as many for a new task answered with its assignments and agencies as for one answered with its id', async () => {
    const { document } = await app.ok(`{ document(symbol: "19/KH-UBND") { clauses { id } } }`);
    const agencies = (await app.ok(`{ agencies(first: 2) { nodes { id } } }`)).agencies.nodes;
    const create = (answer: string, title: string) =>
      app.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { ${answer} } }`, {
        input: {
          sourceClauseId: document.clauses[1].id,
          title,
          assignments: [
            { agencyId: agencies[1].id, role: 'COORDINATOR' },
            { agencyId: agencies[0].id, role: 'LEAD' },
          ],
        },
      });
    const bare = await create('id', 'Nhiệm vụ trả lời mã');
    const full = await create('id assignments { role agency { id name } }', 'Nhiệm vụ trả lời đủ');
    expect(bare.errors).toBeUndefined();
    expect(full.errors).toBeUndefined();
    expect(full.data.createTask.assignments.map((assignment: any) => [assignment.role, assignment.agency.id])).toEqual([
      ['LEAD', agencies[0].id],
      ['COORDINATOR', agencies[1].id],
    ]);
    // One statement checks the source clause and the agencies, writes the task, its assignments and their audit events,
    // and reads the agencies back: atomic without BEGIN and COMMIT (task.service.ts, insertNewTask).
    expect(bare.sqlStatements).toBe(1);
    expect(full.sqlStatements).toBe(bare.sqlStatements);
  });

  it('are the same for a trace of one task and of a page of traces', async () => {
    const TRACES = `query($first: Int!) { tasks(first: $first) { nodes { trace { clauses { text } lineage { to { symbol } citingClause { text } } roots { symbol } } } } }`;
    const one = await app.gql(TRACES, { first: 1 });
    const many = await app.gql(TRACES, { first: 30 });
    expect(many.errors).toBeUndefined();
    expect(many.data.tasks.nodes.every((task: any) => task.trace.roots[0].symbol === '183-QĐ/TW')).toBe(true);
    expect(many.sqlStatements).toBe(one.sqlStatements);
  });

  it("are the same for a document with its whole clause tree and each clause's tasks, whatever the tree's size", async () => {
    await createSmallPlan(app, '1/KH-TEST', 'Kế hoạch nhỏ', 'Một việc');
    const TREE = `query($symbol: String!) { document(symbol: $symbol) { clauses { path citation tasks { title assignments { agency { name } } } } } }`;
    const small = await app.gql(TREE, { symbol: '1/KH-TEST' });
    const plan = await app.gql(TREE, { symbol: '19/KH-UBND' });
    expect(small.data.document.clauses.map((clause: { path: string }) => clause.path)).toEqual(['I', 'I.1']);
    expect(plan.data.document.clauses.length).toBeGreaterThan(25);
    expect(plan.sqlStatements).toBe(small.sqlStatements);
  });

  // W1 of the benchmark (bench/workloads.ts): one task traced to its root, whatever the depth of its clause and the
  // length of the chain of documents above it.
  it('are the same for the trace of a task one document deeper and one clause deeper', async () => {
    const TRACE = `query($id: ID!) { task(id: $id) { id title trace {
      clauses { path label text } document { symbol title }
      lineage { depth type to { symbol title } citingClause { path } } roots { symbol title } } } }`;
    const { document: plan } = await app.ok(`{ document(symbol: "19/KH-UBND") { id clauses { id path tasks { id } } } }`);
    const planTask = plan.clauses.find((clause: { path: string; tasks: unknown[] }) => clause.path === 'II.3.3').tasks[0].id;
    const { agencies } = await app.ok(`{ agencies(first: 1) { nodes { id } } }`);
    // A district plan carrying out 19/KH-UBND: its chain is one document longer, its task one clause deeper.
    const { createDocument: district } = await app.ok(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id clauses { id path } } }`,
      {
        input: {
          kind: 'PLAN',
          symbol: '7/KH-UBND-HUYEN',
          title: 'Kế hoạch của huyện',
          clauses: [
            { label: '', kind: 'PARAGRAPH', text: 'Thực hiện Kế hoạch số 19/KH-UBND.' },
            {
              label: 'I',
              kind: 'PART',
              text: '',
              children: [
                {
                  label: '1',
                  kind: 'SECTION',
                  text: 'Nhiệm vụ.',
                  children: [{ label: '1.1', kind: 'ITEM', text: 'Việc.', children: [{ label: 'a)', kind: 'POINT', text: 'Một việc.' }] }],
                },
              ],
            },
          ],
        },
      },
    );
    const point = district.clauses.find((clause: { path: string }) => clause.path === 'I.1.1.a');
    await app.ok(`mutation($input: CreateDocumentRelationInput!) { createDocumentRelation(input: $input) { id } }`, {
      input: { fromId: district.id, toId: plan.id, type: 'IMPLEMENTS', citingClauseId: district.clauses[0].id },
    });
    const { createTask } = await app.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
      input: { sourceClauseId: point.id, title: 'Việc của huyện', assignments: [{ agencyId: agencies.nodes[0].id, role: 'LEAD' }] },
    });
    const near = await app.gql(TRACE, { id: planTask });
    const far = await app.gql(TRACE, { id: createTask.id });
    expectAsManyStatements(near, far);
    expect(far.data.task.trace.clauses.map((clause: { path: string }) => clause.path)).toEqual(['I', 'I.1', 'I.1.1', 'I.1.1.a']);
    expect(far.data.task.trace.lineage.length).toBe(near.data.task.trace.lineage.length + 1);
    expect(far.data.task.trace.roots.map((root: { symbol: string }) => root.symbol)).toEqual(['183-QĐ/TW']);
  });

  // W3 of the benchmark: a document with its whole clause tree, each clause's tasks with their deadline status,
  // assignments and agencies; the same cost for a tree of two clauses and one of dozens, and after its tasks grow.
  it('are the same for a whole document with tasks, deadline statuses and assignments, whatever its size', async () => {
    const TREE = `query($symbol: String!) { document(symbol: $symbol) { id symbol title clauses { id path label heading text
      tasks { id title dueDate deadlineStatus assignments { role agency { name } } } } } }`;
    const before = await app.gql(TREE, { symbol: '19/KH-UBND' });
    const clauses = before.data.document.clauses.filter((clause: { path: string }) => clause.path !== 'preamble').slice(0, 10);
    expect(clauses).toHaveLength(10);
    const { agencies } = await app.ok(`{ agencies(first: 3) { nodes { id } } }`);
    for (const [index, clause] of clauses.entries()) {
      await app.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
        input: {
          sourceClauseId: clause.id,
          title: `Nhiệm vụ thêm ${index}`,
          dueDate: '2025-02-01',
          assignments: [
            { agencyId: agencies.nodes[0].id, role: 'LEAD' },
            { agencyId: agencies.nodes[1 + (index % 2)].id, role: 'COORDINATOR' },
          ],
        },
      });
    }
    const after = await app.gql(TREE, { symbol: '19/KH-UBND' });
    const small = await app.gql(TREE, { symbol: '1/KH-TEST' });
    expect(after.errors).toBeUndefined();
    expect(small.errors).toBeUndefined();
    const taskCount = (response: typeof after) =>
      response.data.document.clauses.reduce((sum: number, clause: { tasks: unknown[] }) => sum + clause.tasks.length, 0);
    expect(taskCount(after)).toBe(taskCount(before) + 10);
    expect(taskCount(small)).toBe(1);
    expect(after.sqlStatements).toBe(before.sqlStatements);
    expect(small.sqlStatements).toBe(after.sqlStatements);
  });
});
