// What a request carries through everything it awaits: who is asking (modules/account/actor.ts) and how many SQL
// statements it has sent (database/sql-statement-counter.ts).
//
// One AsyncLocalStorage for both, not one each: while any is in use, Node 20 gives every promise created anywhere a
// property for each storage in use, and a request creates a thousand promises or more (docs/performance.md, change 50).
import { AsyncLocalStorage } from 'node:async_hooks';

import type { Actor } from './modules/account/actor';

export interface RequestScope {
  /** Set by runAs (null: anonymous); absent outside of any actor's work. */
  readonly actor?: Actor | null;
  /** Set by withStatementCount; absent when no one counts. */
  readonly tally?: { statements: number };
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` in the enclosing scope with `change` applied: what the change leaves out stays as it was. */
export function runInScope<T>(change: RequestScope, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...change }, work);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}
