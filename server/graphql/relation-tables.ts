// The relations of each GraphQL type that has some (its fields that bring other records), for prefetch and for the
// schema's relation fields, which resolve straight from these tables (resolveRelationsDirectly).
import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';

import { CLAUSE_RELATIONS } from '../modules/clause/clause.relations';
import { DOCUMENT_RELATIONS } from '../modules/document/document.relations';
import { ASSIGNMENT_RELATIONS, TASK_RELATIONS } from '../modules/task/task.relations';
import type { Context } from './context';
import type { Relations } from './relation';

export const RELATIONS: Record<string, Relations<never>> = {
  Task: TASK_RELATIONS,
  Assignment: ASSIGNMENT_RELATIONS,
  Clause: CLAUSE_RELATIONS,
  Document: DOCUMENT_RELATIONS,
};

/**
 * Each relation field resolves by its relation's `load`, as its @FieldResolver method does, without type-graphql's
 * wrapper around the method: for every call it builds the method's arguments (sorting the parameters' metadata, an
 * array and a check for promises) and its resolver data. A page calls these fields hundreds of times, and the wrapper
 * was a tenth of W2's and W3's Node time (docs/performance.md, change 45). The methods still declare the fields (type,
 * nullability, description); a relation whose method does more than load it (`ownResolver`) keeps it.
 */
export function resolveRelationsDirectly(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, relations] of Object.entries(RELATIONS)) {
    const fields = (schema.getType(typeName) as GraphQLObjectType).getFields();
    for (const [name, relation] of Object.entries(relations as Relations<object>)) {
      if (relation.ownResolver) continue;
      const field = fields[name];
      if (!field) throw new Error(`${typeName}.${name} is in the relation table but not in the schema`);
      const resolve: GraphQLFieldResolver<object, Context> = (root, _args, { loaders }) => relation.load(root, loaders);
      field.resolve = resolve as typeof field.resolve;
    }
  }
  return schema;
}
