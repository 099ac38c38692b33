// Whose a credential is, remembered for a few seconds (Config.credentialCacheMs). Every request authenticates, and
// reading its API token or its user from the database each time cost a round trip more than many answers need (a
// search's one statement became two). Whatever this server changes about accounts (a revocation, a deactivation, a new
// role, a logout) forgets every entry at once; what another instance of the server, or a hand in the database,
// changes is seen here once the entry lapses.
import type { EntityManager, EventSubscriber, FlushEventArgs, Transaction, TransactionEventArgs } from '@mikro-orm/core';

import { ApiToken, User } from './account.entity';

/** Entries kept at most: past this the cache starts afresh, so a flood of distinct credentials cannot grow it. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  readAt: number;
}

export class CredentialCache implements EventSubscriber {
  private readonly tokens = new Map<string, Entry<ApiToken>>();
  private readonly users = new Map<string, Entry<User>>();
  /** Moves on every forget(), so that a read that began before an account changed is not remembered after it. */
  private generation = 0;
  /** The outermost transactions that changed accounts and have not yet ended. */
  private readonly uncommitted = new Set<Transaction>();

  constructor(private readonly lifetimeMs: number) {}

  /** The API token whose secret hashes to `secretHash`, from memory or from `read`; unknown tokens are not remembered. */
  token(secretHash: string, read: () => Promise<ApiToken | null>): Promise<ApiToken | null> {
    return this.lookUp(this.tokens, secretHash, read);
  }

  /** The user `uuid`, from memory or from `read`. */
  user(uuid: string, read: () => Promise<User | null>): Promise<User | null> {
    return this.lookUp(this.users, uuid, read);
  }

  forget(): void {
    this.generation += 1;
    this.tokens.clear();
    this.users.clear();
  }

  // MikroORM calls these for the flushes and transactions of the ORM this cache is registered with (connectDatabase).
  afterFlush({ em, uow }: FlushEventArgs): void {
    if (!uow.getChangeSets().some(({ entity }) => entity instanceof User || entity instanceof ApiToken)) return;
    this.forget();
    // Inside a transaction the change is not yet committed: a read until then still sees the old row, so forget again
    // when the outermost transaction ends (MikroORM tells only of those; a nested one is a savepoint within it).
    const transaction = em.getTransactionContext<KnexTransaction>();
    if (transaction) this.uncommitted.add(outermost(transaction));
  }

  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    if (transaction && this.uncommitted.delete(transaction)) this.forget();
  }

  afterTransactionRollback({ transaction }: TransactionEventArgs): void {
    if (transaction && this.uncommitted.delete(transaction)) this.forget();
  }

  /** Transactions still awaited to end; none once every transaction that changed accounts has (tests read it). */
  get awaitedTransactions(): number {
    return this.uncommitted.size;
  }

  private async lookUp<T>(entries: Map<string, Entry<T>>, key: string, read: () => Promise<T | null>): Promise<T | null> {
    const now = Date.now();
    const entry = entries.get(key);
    if (entry && now - entry.readAt < this.lifetimeMs) return entry.value;
    const generation = this.generation;
    const value = await read();
    if (value && generation === this.generation && this.lifetimeMs > 0) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { value, readAt: now });
    } else {
      entries.delete(key);
    }
    return value;
  }
}

/** A Knex transaction, which names the transaction it is nested in. */
interface KnexTransaction extends Transaction {
  parentTransaction?: KnexTransaction;
}

function outermost(transaction: KnexTransaction): Transaction {
  return transaction.parentTransaction ? outermost(transaction.parentTransaction) : transaction;
}

/** The cache registered with the ORM of `em` by connectDatabase (server/app.ts). */
export function credentialCacheOf(em: EntityManager): CredentialCache {
  for (const subscriber of em.getEventManager().getSubscribers()) {
    if (subscriber instanceof CredentialCache) return subscriber;
  }
  throw new Error('No CredentialCache is registered with this ORM: make it with connectDatabase');
}
