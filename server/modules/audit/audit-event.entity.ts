// One create, update or delete of a record: the append-only audit trail (PostgreSQL refuses UPDATE and DELETE on it).
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

import { AuditAction, AuditActorKind } from './audit.enums';

/** What one field was before and after the change; a create has no `before`, a delete no `after`. */
export interface FieldChange {
  before?: unknown;
  after?: unknown;
}

@ObjectType({ description: 'One create, update or delete of a record, as the audit trail keeps it; never changed afterwards' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['at'] })
@Index({ properties: ['actorId'] })
@Index({ properties: ['actorName'] })
@Index({ properties: ['transactionId'] })
export class AuditEvent {
  [OptionalProps]?: 'at' | 'transactionId';

  /** Insertion order: the order of one record's events, whatever their clocks say. */
  @Field(() => ID, { description: 'Events are numbered in the order they were written' })
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The start of the writing transaction, to the millisecond, so an `at` read back names the same instant. */
  @Field(() => DateTimeResolver, { description: 'When the change was made (the start of its transaction)' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: `date_trunc('milliseconds'::text, now())` })
  at!: Date;

  @Enum({ items: () => AuditActorKind, type: 'text' })
  actorKind!: AuditActorKind;

  /** The user's or token's UUID, copied: the account may be deleted, the history stays readable. */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'text' })
  actorName!: string;

  @Field(() => String, { description: 'The record type: Document, Clause, Task, Assignment, Agency, Report, User, ApiToken …' })
  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => AuditAction)
  @Enum({ items: () => AuditAction, type: 'text' })
  action!: AuditAction;

  /** Field → before/after; relations as the UUID they point at; hashes, passwords and secrets masked. */
  @Property({ type: 'json', default: '{}' })
  changes: Record<string, FieldChange> = {};

  /** PostgreSQL's txid_current(): every event one mutation wrote shares it. */
  @Field(() => String, { description: 'The database transaction: every event of one mutation shares it' })
  @Property({ type: 'bigint', defaultRaw: 'txid_current()' })
  transactionId!: string;
}
