import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { encodeGlobalId } from '../../server/graphql/global-id';
import { createSmallPlan } from '../support/small-plan';
import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.stop());

/** What the benchmark's W1 shows of a trace, and more: every field the trace's one statement must bring. */
const TASK_TRACE = `sourceClause { path text citation } clauses { path label text citation ancestors { path } } document { symbol title }
  lineage { depth type citationText from { symbol } to { symbol title } citingClause { path text } } roots { symbol title }`;

const TRACE = /* GraphQL */ `
  query Trace($symbol: String!, $path: String!) {
    document(symbol: $symbol) {
      clause(path: $path) {
        tasks {
          title
          trace {
            sourceClause {
              path
              text
            }
            clauses {
              path
              label
              text
            }
            document {
              symbol
              kind
              issuer {
                name
              }
            }
            lineage {
              depth
              type
              from {
                symbol
              }
              to {
                symbol
                kind
                referenced
                issuedOn
                issuer {
                  name
                }
              }
              citingClause {
                path
                text
              }
              citationText
            }
            roots {
              symbol
              kind
              issuedOn
              issuer {
                name
              }
            }
          }
        }
      }
    }
  }
`;

describe('an auditor traces a task to its legal basis', () => {
  it('follows task II.3.3 of 19/KH-UBND through 197-KH/TU up to Politburo regulation 183-QĐ/TW, with the texts', async () => {
    const data = await app.ok(TRACE, { symbol: '19/KH-UBND', path: 'II.3.3' });
    const [task] = data.document.clause.tasks;
    const { trace } = task;

    expect(trace.sourceClause.path).toBe('II.3.3');
    expect(trace.sourceClause.text).toMatch(/^Bố trí lực lượng vũ trang canh gác/);
    expect(trace.clauses.map((clause: { path: string }) => clause.path)).toEqual(['II', 'II.3', 'II.3.3']);
    expect(trace.clauses[1].label).toBe('3');
    expect(trace.document).toMatchObject({ symbol: '19/KH-UBND', kind: 'PLAN', issuer: { name: 'Ủy ban nhân dân tỉnh Đắk Nông' } });

    expect(trace.lineage.map((step: any) => [step.depth, step.type, step.from.symbol, step.to.symbol])).toEqual([
      [1, 'IMPLEMENTS', '19/KH-UBND', '197-KH/TU'],
      [2, 'IMPLEMENTS', '197-KH/TU', '183-QĐ/TW'],
    ]);
    expect(trace.lineage[0].citingClause.path).toBe('preamble');
    expect(trace.lineage[0].citingClause.text).toMatch(/^Thực hiện Kế hoạch số 197-KH\/TU ngày 27\/11\/2024 của Tỉnh ủy/);
    expect(trace.lineage[1].to).toMatchObject({
      kind: 'REGULATION',
      referenced: true,
      issuedOn: '2024-09-18',
      issuer: { name: 'Bộ Chính trị' },
    });
    expect(trace.roots).toEqual([{ symbol: '183-QĐ/TW', kind: 'REGULATION', issuedOn: '2024-09-18', issuer: { name: 'Bộ Chính trị' } }]);
  });

  // W1 of the benchmark: the trace comes in the task's statement (server/modules/trace/trace.loaders.ts).
  it('answers a task asked by its ID with its trace in one statement, as its clause answers it', async () => {
    const data = await app.ok(
      `{ document(symbol: "19/KH-UBND") { clause(path: "II.3.3") { tasks { id title trace { ${TASK_TRACE} } } } } }`,
    );
    const [expected] = data.document.clause.tasks;
    const byId = await app.gql(`query($id: ID!) { task(id: $id) { id title trace { ${TASK_TRACE} } } }`, { id: expected.id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.task).toEqual(expected);
    expect(expected.trace.lineage).toHaveLength(2);
    expect(byId.sqlStatements).toBe(1);
  });

  it('answers in one statement a task whose document cites nothing, and null for a task that does not exist', async () => {
    const { taskId } = await createSmallPlan(app, '3/KH-VETVIEC', 'Kế hoạch không căn cứ văn bản nào', 'Một việc không căn cứ');
    const TASK = `query($id: ID!) { task(id: $id) { title trace { ${TASK_TRACE} } } }`;
    const alone = await app.gql(TASK, { id: taskId });
    expect(alone.errors).toBeUndefined();
    expect(alone.data.task.trace).toMatchObject({
      sourceClause: { path: 'I.1', text: 'Làm một việc.' },
      clauses: [{ path: 'I' }, { path: 'I.1' }],
      document: { symbol: '3/KH-VETVIEC' },
      lineage: [],
      roots: [{ symbol: '3/KH-VETVIEC' }],
    });
    expect(alone.sqlStatements).toBe(1);
    const missing = await app.gql(TASK, { id: encodeGlobalId('Task', randomUUID()) });
    expect(missing.errors).toBeUndefined();
    expect(missing.data.task).toBeNull();
    expect(missing.sqlStatements).toBe(1);
  });

  it('reads the lineage of a document up, and of the regulation down', async () => {
    const data = await app.ok(/* GraphQL */ `
      {
        plan: document(symbol: "19/KH-UBND") {
          lineage {
            depth
            to {
              symbol
            }
          }
        }
        regulation: document(symbol: "183-QĐ/TW") {
          lineage {
            depth
          }
          implementedBy {
            depth
            from {
              symbol
            }
          }
        }
      }
    `);
    expect(data.plan.lineage.map((step: any) => step.to.symbol)).toEqual(['197-KH/TU', '183-QĐ/TW']);
    expect(data.regulation.lineage).toEqual([]);
    expect(data.regulation.implementedBy).toEqual([
      { depth: 1, from: { symbol: '197-KH/TU' } },
      { depth: 2, from: { symbol: '19/KH-UBND' } },
    ]);
  });

  it('finds what carries a clause out, and marks a clause nobody carries out', async () => {
    const data = await app.ok(/* GraphQL */ `
      {
        document(symbol: "19/KH-UBND") {
          section3: clause(path: "II.3") {
            citation
            implementations {
              implemented
              tasks {
                sourceClause {
                  path
                }
              }
            }
          }
          purpose: clause(path: "I.1") {
            implementations {
              implemented
              tasks {
                title
              }
              documents {
                citationText
              }
            }
          }
        }
      }
    `);
    const section3 = data.document.section3;
    expect(section3.citation).toBe('mục 3 phần II Kế hoạch 19/KH-UBND');
    expect(section3.implementations.implemented).toBe(true);
    expect(section3.implementations.tasks.map((task: any) => task.sourceClause.path).sort()).toEqual([
      'II.3.1',
      'II.3.2',
      'II.3.3',
      'II.3.4',
      'II.3.5',
    ]);
    expect(data.document.purpose.implementations).toEqual({ implemented: false, tasks: [], documents: [] });
  });

  it('answers node(id) with the record of any type, and null for an ID that names nothing', async () => {
    const data = await app.ok(`{ document(symbol: "19/KH-UBND") { id clause(path: "III.2") { id } } }`);
    const nodes = await app.ok(
      `query($document: ID!, $clause: ID!) {
        document: node(id: $document) { __typename ... on Document { symbol } }
        clause: node(id: $clause) { __typename ... on Clause { path } }
        nothing: node(id: "bm90aGluZw") { id }
      }`,
      { document: data.document.id, clause: data.document.clause.id },
    );
    expect(nodes).toEqual({
      document: { __typename: 'Document', symbol: '19/KH-UBND' },
      clause: { __typename: 'Clause', path: 'III.2' },
      nothing: null,
    });
  });
});
