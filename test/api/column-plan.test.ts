// A read-only query selects only the columns its fields read (server/graphql/column-plan.ts), and answers exactly what
// it answers reading whole rows. Every field the plan lists is asked below, so a field listed with too few columns fails
// here (its row reader throws) rather than answering null in production.
import { getNamedType, type GraphQLObjectType, isObjectType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ENTITY_TYPES, planColumns, readColumns } from '../../server/graphql/column-plan';
import { createContext } from '../../server/graphql/context';
import { registrySchema } from '../../server/graphql/schema';
import { Clause } from '../../server/modules/clause/clause.entity';
import { createTestApp, type TestApp } from '../support/test-app';

const W2 = `query W2 { tasks(first: 50, orderBy: [{ field: DUE_DATE, direction: ASC }]) {
  totalCount nodes { id title dueDate deadlineStatus sourceClause { path document { symbol title } }
  assignments { role agency { name shortName } } } } }`;

const AGENCY = 'id createdAt updatedAt version name shortName aliases kind level isGroup parent { id name }';
const DOCUMENT = `id createdAt updatedAt version kind symbol title issuedOn place signerName signerTitle status referenced
  issuer { ${AGENCY} }`;
const CLAUSE = `id createdAt updatedAt version path label heading text kind position depth parent { id path }
  children { id path position } tasks { id title }`;
const TRACE = `trace { task { id } sourceClause { path } clauses { path text } document { symbol }
  lineage { depth type citationText from { symbol } to { symbol } citingClause { path } targetClause { path } } roots { symbol } }`;
const TASK = `id createdAt updatedAt version title description dueDate duePhrase recurrence kind progressStatus completedOn
  targets { text comparator value unit } deadlineStatus parentTask { id title } childTasks { id title }
  assignments { id createdAt updatedAt version role requested inherited agency { ${AGENCY} } task { id title } }`;

/** Every field the column plan lists, each on every path it can be reached by in these lists. */
const EVERY_PLANNED_FIELD = `query Everything {
  tasks(first: 40, orderBy: [{ field: DUE_DATE, direction: ASC }]) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { ${TASK} sourceClause { ${CLAUSE} document { ${DOCUMENT} } } document { ${DOCUMENT} } } }
  }
  documents(first: 3) { nodes { ${DOCUMENT} lineage { depth to { symbol } } implementedBy { depth from { symbol } } clauses { ${CLAUSE} document { id symbol } tasks { ${TASK} } } } }
  clauses(first: 30) { totalCount nodes { ...ClauseFields } }
  agencies(first: 30) { nodes { ${AGENCY} } }
  traced: tasks(first: 10) { nodes { id ${TRACE} } }
}
fragment ClauseFields on Clause { ${CLAUSE} document { id title } }`;

/** The same query, made to read whole rows: a field the plan does not know turns planning off. */
function unplanned(query: string): string {
  return query.replace(/\{/, '{ __schema { queryType { name } } ');
}

function withoutSchema(data: Record<string, unknown>): Record<string, unknown> {
  const { __schema: _, ...rest } = data;
  return rest;
}

describe('column plan', () => {
  it('reads for W2 the columns its fields show, and the keys that join them', async () => {
    const plan = planColumns(await registrySchema(), parse(W2), 'W2');
    expect(Object.fromEntries([...plan!].map(([entity, properties]) => [entity, [...properties].sort()]))).toEqual({
      Task: ['dueDate', 'sourceClause', 'title', 'uuid'],
      Clause: ['document', 'path', 'uuid'],
      Document: ['symbol', 'title', 'uuid'],
      Assignment: ['agency', 'role', 'uuid'],
      Agency: ['name', 'shortName', 'uuid'],
    });
  });

  it('reads whole rows for mutations, unlisted fields, introspection and fragments on other types', async () => {
    const schema = await registrySchema();
    const cases = [
      'mutation { logout }',
      '{ tasks { nodes { title trace(at: "2026-01-01T00:00:00Z") { document { symbol } } } } }',
      '{ tasks { nodes { title trace { clauses { textAt(at: "2026-01-01T00:00:00Z") } } } } }',
      '{ tasks { nodes { history { action } } } }',
      '{ __schema { queryType { name } } tasks { nodes { title } } }',
      '{ node(id: "x") { ... on Task { title } } }',
      '{ tasks { nodes { ...OnNode } } } fragment OnNode on Node { id }',
      '{ me { username } }',
    ];
    for (const query of cases) expect(planColumns(schema, parse(query)), query).toBeNull();
    expect(planColumns(schema, parse('query A { tasks { totalCount } } query B { me { username } }'))).toBeNull();
    expect(planColumns(schema, parse('query A { tasks { totalCount } } query B { me { username } }'), 'A')).not.toBeNull();
  });

  describe('over HTTP', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp();
    });
    afterAll(async () => app?.stop());

    it('answers every planned field exactly as reading whole rows does, without errors', async () => {
      const planned = await app.gql(EVERY_PLANNED_FIELD);
      expect(planned.errors).toBeUndefined();
      expect(planned.data.tasks.edges.length).toBeGreaterThan(20);
      expect(planned.data.documents.nodes.some((document: { clauses: unknown[] }) => document.clauses.length > 0)).toBe(true);
      const whole = await app.gql(unplanned(EVERY_PLANNED_FIELD));
      expect(whole.errors).toBeUndefined();
      expect(planned.data).toEqual(withoutSchema(whole.data));
    });

    it('answers each planned field alone as whole rows do (a field listed with too few columns fails here)', async () => {
      const schema = await registrySchema();
      const listOf: Record<string, (selection: string) => string> = {
        Task: (selection) => `tasks(first: 40) { nodes { ${selection} } }`,
        Assignment: (selection) => `tasks(first: 40) { nodes { assignments { ${selection} } } }`,
        Clause: (selection) => `clauses(first: 60) { nodes { ${selection} } }`,
        Document: (selection) => `documents(first: 10) { nodes { ${selection} } }`,
        Agency: (selection) => `agencies(first: 60) { nodes { ${selection} } }`,
        TaskTrace: (selection) => `tasks(first: 40) { nodes { trace { ${selection} } } }`,
        LineageStep: (selection) => `tasks(first: 40) { nodes { trace { lineage { ${selection} } } } }`,
      };
      const selectionBelow: Record<string, string> = {
        TaskTarget: ' { text value }',
        TaskTrace: ' { task { id } }',
        LineageStep: ' { depth }',
      };
      const fields = Object.entries(ENTITY_TYPES).flatMap(([type, { fields }]) => Object.keys(fields).map((field) => [type, field]));
      expect(fields.length).toBeGreaterThan(50);
      for (const [type, field] of fields) {
        const fieldType = getNamedType((schema.getType(type) as GraphQLObjectType).getFields()[field].type);
        const below = isObjectType(fieldType) ? (selectionBelow[fieldType.name] ?? ' { id }') : '';
        const query = `{ ${listOf[type](field + below)} }`;
        expect(planColumns(schema, parse(query)), query).not.toBeNull();
        const planned = await app.gql(query);
        expect(planned.errors, query).toBeUndefined();
        const whole = await app.gql(unplanned(query));
        expect(planned.data, query).toEqual(withoutSchema(whole.data));
      }
    });

    it('answers W2 as whole rows do, in as many statements', async () => {
      const planned = await app.gql(W2);
      const whole = await app.gql(unplanned(W2));
      expect(planned.errors).toBeUndefined();
      expect(planned.data).toEqual(withoutSchema(whole.data));
      expect(planned.sqlStatements).toBe(whole.sqlStatements);
    });

    it('leaves out of the rows the columns the plan does not read, and says so when one is read', async () => {
      const context = createContext(app.orm, app.config);
      const [{ uuid }] = await app.orm.em.fork().find(Clause, {}, { limit: 1 });
      readColumns(context.em, new Map([['Clause', new Set(['uuid', 'path'])]]));
      const clause = (await context.loaders.clause.byUuid.load(uuid))!;
      expect(clause.path).toEqual(expect.any(String));
      expect(() => clause.text).toThrow(/Clause.text was not read for this request/);

      const whole = (await createContext(app.orm, app.config).loaders.clause.byUuid.load(uuid))!;
      expect(whole.text).toEqual(expect.any(String));
    });
  });
});
