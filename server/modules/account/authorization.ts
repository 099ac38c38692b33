// The global middleware that holds every root Query and Mutation field to the permission table, before its arguments
// are even validated: UNAUTHENTICATED for an anonymous caller, FORBIDDEN for a role the table does not name.
import type { MiddlewareFn } from 'type-graphql';

import { ForbiddenError } from '../../errors';
import type { Context } from '../../graphql/context';
import { UnauthenticatedError } from './account.errors';
import { Role } from './actor';
import { ANONYMOUS, isListed, mayUse, type RootOperation } from './permissions';
import { REPORTER_GUARDS } from './report-scope';

export const authorize: MiddlewareFn<Context> = async ({ args, context, info }, next) => {
  // Only root fields are checked here; what lies below them is scoped by the entity manager (report-scope.ts).
  if (info.path.prev !== undefined) return next();
  const { actor } = context;
  const operation: RootOperation | undefined =
    info.parentType === info.schema.getQueryType() ? 'Query' : info.parentType === info.schema.getMutationType() ? 'Mutation' : undefined;
  const field = info.fieldName;
  if (!operation || !isListed(operation, field)) {
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
  return next();
};
