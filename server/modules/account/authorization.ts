// Holds every root Query and Mutation field to the permission table, before its arguments are even validated:
// UNAUTHENTICATED for an anonymous caller, FORBIDDEN for a role the table does not name.
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';

import { ForbiddenError } from '../../errors';
import type { Context } from '../../graphql/context';
import { UnauthenticatedError } from './account.errors';
import { Role } from './actor';
import { ANONYMOUS, isListed, mayUse, type RootOperation } from './permissions';
import { REPORTER_GUARDS } from './report-scope';

/**
 * Wraps the resolver of every root field of `schema` in the permission check. Only root fields are checked; what lies
 * below them is scoped by the entity manager (report-scope.ts). Done on the built schema rather than as a type-graphql
 * global middleware: a global middleware wraps every field of every answer in two promises (about 1,100 fields for a
 * page of 50 tasks), which cost more CPU than the fields themselves (docs/performance.md).
 */
export function holdRootFieldsToPermissionTable(schema: GraphQLSchema): GraphQLSchema {
  const roots: [RootOperation, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ];
  for (const [operation, type] of roots) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (root, args, context: Context, info) => {
        await authorizeRootField(operation, field.name, args, context);
        return resolve(root, args, context, info);
      };
    }
  }
  return schema;
}

/** Refuses `field` of `operation` to the request's caller unless the permission table allows it. */
export async function authorizeRootField(
  operation: RootOperation,
  field: string,
  args: Record<string, unknown>,
  context: Context,
): Promise<void> {
  const { actor } = context;
  if (!isListed(operation, field)) {
    throw new ForbiddenError(`${field} is not in the permission table (server/modules/account/permissions.ts), so nobody may use it`, {
      field,
    });
  }
  // The API is only ever run as a request's actor (runAs in the HTTP layer). Were that forgotten, the context would hold
  // the SYSTEM actor, which has no role: it counts as anonymous here, so the mistake closes the API instead of opening it.
  const caller = actor?.role ?? ANONYMOUS;
  if (!mayUse(operation, field, caller)) {
    if (caller === ANONYMOUS) {
      throw new UnauthenticatedError(
        `${field} needs a signed-in caller: log in (mutation login), or send an API token as "Authorization: Bearer <token>" (a session ends after 8 hours, or at logout)`,
        { field },
      );
    }
    throw new ForbiddenError(`Your role (${caller}) may not use ${field}`, { field, role: caller });
  }
  if (actor?.role === Role.REPORTER && operation === 'Mutation' && !mayUse(operation, field, ANONYMOUS)) {
    const guard = REPORTER_GUARDS[field];
    if (!guard) throw new ForbiddenError(`A reporter may not use ${field}`, { field, role: caller });
    await guard(args, context.em, actor);
  }
}
