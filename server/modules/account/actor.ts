// Who is asking: a signed-in user, an integrator's API token, or the registry itself (migrations, demo data, CLI).
// Authentication puts the actor here for the whole request, so that the audit trail, written deep inside a flush,
// knows whom to record without every service passing it along.
import { registerEnumType } from 'type-graphql';

import { currentScope, runInScope } from '../../request-scope';

export enum Role {
  /** Everything, including users and tokens. */
  ADMIN = 'ADMIN',
  /** Documents, clauses, tasks, agencies, imports. */
  EDITOR = 'EDITOR',
  /** Reads everything, the audit trail included; writes nothing. */
  AUDITOR = 'AUDITOR',
  /** Belongs to one agency; reads, and writes reports only for tasks assigned to that agency. */
  REPORTER = 'REPORTER',
  /** An API token: reads only. */
  INTEGRATOR = 'INTEGRATOR',
}

registerEnumType(Role, { name: 'Role', description: 'What an account or token may do' });

export interface Actor {
  kind: 'USER' | 'TOKEN' | 'SYSTEM';
  /** The user's or token's UUID; null for the system. */
  id: string | null;
  /** Username, token name, or "system". */
  name: string;
  /** Null for the system, which is not subject to roles. */
  role: Role | null;
  /** For a REPORTER, the agency it reports for. */
  agencyId: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: 'SYSTEM', id: null, name: 'system', role: null, agencyId: null });

/** Runs `work` as `actor`: everything it awaits sees the same actor. */
export function runAs<T>(actor: Actor | null, work: () => T): T {
  return runInScope({ actor }, work);
}

/** The actor of the running request or job; the system outside of any (migrations, demo data, the import CLI). */
export function currentActor(): Actor | null {
  const actor = currentScope()?.actor;
  return actor === undefined ? SYSTEM_ACTOR : actor;
}
