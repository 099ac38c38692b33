// Relation fields resolve straight from their relation tables (server/graphql/relation-tables.ts), not through
// type-graphql's wrapper of their @FieldResolver methods: the answers must be the ones those methods give.
import { execute, type GraphQLObjectType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContext } from '../../server/graphql/context';
import type { Relations } from '../../server/graphql/relation';
import { RELATIONS, resolveRelationsDirectly } from '../../server/graphql/relation-tables';
import { declaredSchema } from '../../server/graphql/schema';
import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.stop());

// Every relation field of the tables, through a list (prefetched) and through a single record (loaded field by field).
const QUERY = parse(`{
  tasks(first: 30) { nodes { ...Fields } }
  document(symbol: "19/KH-UBND") { issuer { name } clauses { path document { symbol } tasks { ...Fields } } }
}
fragment Fields on Task {
  title deadlineStatus document { symbol }
  sourceClause { path document { symbol issuer { name } } tasks { title } }
  assignments { role agency { name } task { title } }
}`);

describe('relation fields', () => {
  it('answer as their @FieldResolver methods do, every relation of the tables', async () => {
    const declared = await declaredSchema();
    const direct = await declaredSchema();
    const resolverOf = (typeName: string, name: string) => (direct.getType(typeName) as GraphQLObjectType).getFields()[name].resolve;
    const methods = new Map(
      Object.entries(RELATIONS).flatMap(([typeName, relations]) =>
        Object.keys(relations).map((name) => [`${typeName}.${name}`, resolverOf(typeName, name)] as const),
      ),
    );
    resolveRelationsDirectly(direct);
    const answer = (schema: typeof declared) => execute({ schema, document: QUERY, contextValue: createContext(app.orm, app.config) });
    const [byMethods, byTables] = await Promise.all([answer(declared), answer(direct)]);
    expect(byMethods.errors).toBeUndefined();
    expect(byTables.errors).toBeUndefined();
    expect((byMethods.data as any).tasks.nodes).toHaveLength(21);
    expect(byTables).toEqual(byMethods);

    // The query asks every relation of the tables; all but those with their own resolver no longer run their methods.
    const text = QUERY.loc!.source.body;
    for (const [typeName, relations] of Object.entries(RELATIONS)) {
      for (const [name, relation] of Object.entries(relations as Relations<object>)) {
        expect(text, `${typeName}.${name}`).toMatch(new RegExp(`\\b${name}\\b`));
        const method = methods.get(`${typeName}.${name}`);
        if (relation.ownResolver) expect(resolverOf(typeName, name)).toBe(method);
        else expect(resolverOf(typeName, name)).not.toBe(method);
      }
    }
  });
});
