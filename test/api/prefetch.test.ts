// A list loads its nodes' relations before it answers (server/graphql/prefetch.ts), as far down as the query asks and no
// further, so that GraphQL finds them without waiting; and lookahead reads what the query asks through aliases and
// fragments.
import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContext } from '../../server/graphql/context';
import { nodeSelectionOf } from '../../server/graphql/lookahead';
import { prefetch } from '../../server/graphql/prefetch';
import { CLAUSE_RELATIONS } from '../../server/modules/clause/clause.relations';
import { Task } from '../../server/modules/task/task.entity';
import { ASSIGNMENT_RELATIONS, TASK_RELATIONS } from '../../server/modules/task/task.relations';
import { createTestApp, type TestApp } from '../support/test-app';

/** The resolve info of the first root field of `query`, as far as lookahead reads it. */
function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0]], fragments } as unknown as GraphQLResolveInfo;
}

describe('lookahead', () => {
  it('merges nodes and edges.node, aliases, inline fragments and named fragments', () => {
    const selection = nodeSelectionOf(
      infoOf(`
        query { tasks(first: 5) {
          nodes { title lead: assignments { agency { name } } }
          edges { node { ...More } }
        } }
        fragment More on Task { deadlineStatus ... on Task { sourceClause { document { symbol } } } assignments { role } }`),
    );
    expect(selection).toEqual({
      title: {},
      assignments: { agency: { name: {} }, role: {} },
      deadlineStatus: {},
      sourceClause: { document: { symbol: {} } },
    });
  });
});

describe('prefetch', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.stop());

  it('brings what the selection asks, below it too, so that the fields answer without a promise', async () => {
    const context = createContext(app.orm, app.config);
    const tasks = await context.em.find(Task, {}, { limit: 10, orderBy: { createdAt: 'asc' } });
    expect(tasks.length).toBe(10);
    await prefetch('Task', tasks, { deadlineStatus: {}, assignments: { agency: {} }, sourceClause: { document: {} } }, context.loaders);
    for (const task of tasks) {
      expect(TASK_RELATIONS.deadlineStatus.load(task, context.loaders)).toMatch(/^[A-Z_]+$/);
      const clause = TASK_RELATIONS.sourceClause.load(task, context.loaders);
      expect(clause).not.toBeInstanceOf(Promise);
      expect(CLAUSE_RELATIONS.document.load(clause as never, context.loaders)).toMatchObject({ symbol: expect.any(String) });
      const assignments = TASK_RELATIONS.assignments.load(task, context.loaders);
      expect(Array.isArray(assignments)).toBe(true);
      for (const assignment of assignments as never[]) {
        expect(ASSIGNMENT_RELATIONS.agency.load(assignment, context.loaders)).toMatchObject({ name: expect.any(String) });
      }
    }
  });

  it('leaves alone what the selection does not ask', async () => {
    const context = createContext(app.orm, app.config);
    const tasks = await context.em.find(Task, {}, { limit: 3 });
    await prefetch('Task', tasks, { assignments: {} }, context.loaders);
    for (const task of tasks) {
      expect(Array.isArray(TASK_RELATIONS.assignments.load(task, context.loaders))).toBe(true);
      const status = TASK_RELATIONS.deadlineStatus.load(task, context.loaders);
      expect(status).toBeInstanceOf(Promise);
      await status;
    }
  });
});
