// A page's SQL cost must not grow with its size: every relation goes through a per-request DataLoader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';

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

describe('SQL statements per request', () => {
  it('are the same for a tasks page of 5 and of 50, with clause, document, assignments and agencies nested', async () => {
    const small = await app.gql(TASKS_PAGE, { first: 5 });
    const large = await app.gql(TASKS_PAGE, { first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.tasks.nodes).toHaveLength(5);
    expect(large.data.tasks.nodes).toHaveLength(50);
    expect(large.data.tasks.nodes.every((task: any) => task.assignments.length > 0)).toBe(true);
    expect(small.sqlStatements).toBeGreaterThan(0);
    expect(large.sqlStatements).toBe(small.sqlStatements);
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
    const { agencies } = await app.ok(`{ agencies(first: 1) { nodes { id } } }`);
    const { createDocument } = await app.ok(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { clauses { id path } } }`,
      {
        input: {
          kind: 'PLAN',
          symbol: '1/KH-TEST',
          title: 'Kế hoạch nhỏ',
          clauses: [{ label: 'I', kind: 'PART', text: '', children: [{ label: '1', kind: 'SECTION', text: 'Làm một việc.' }] }],
        },
      },
    );
    await app.ok(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
      input: {
        sourceClauseId: createDocument.clauses[1].id,
        title: 'Một việc',
        assignments: [{ agencyId: agencies.nodes[0].id, role: 'LEAD' }],
      },
    });
    const TREE = `query($symbol: String!) { document(symbol: $symbol) { clauses { path citation tasks { title assignments { agency { name } } } } } }`;
    const small = await app.gql(TREE, { symbol: '1/KH-TEST' });
    const plan = await app.gql(TREE, { symbol: '19/KH-UBND' });
    expect(small.data.document.clauses.map((clause: { path: string }) => clause.path)).toEqual(['I', 'I.1']);
    expect(plan.data.document.clauses.length).toBeGreaterThan(25);
    expect(plan.sqlStatements).toBe(small.sqlStatements);
  });
});
