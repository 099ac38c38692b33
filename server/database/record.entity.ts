// What every stored record has: a UUID, timestamps, and a version for optimistic locking.
import { randomUUID } from 'node:crypto';

import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';

import { encodeGlobalId } from '../graphql/global-id';

@InterfaceType('Node', { description: 'An object with a global ID, fetchable with node(id)' })
export abstract class Node {
  @Field(() => ID, { description: 'Global ID (opaque; encodes the type)' })
  id!: string;
}

@Entity({ abstract: true })
/**
 * Fields declared here are inherited by every entity's GraphQL type, each of which implements Node. type-graphql
 * only inherits fields from a registered type; unreferenced, this one never appears in the schema itself.
 */
@ObjectType()
export abstract class RecordEntity {
  [OptionalProps]?: 'uuid' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid', fieldName: 'id' })
  uuid: string = randomUUID();

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => DateTimeResolver)
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Send it back with an update; a stale version answers CONFLICT' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field(() => ID, { description: 'Global ID (opaque; encodes the type)' })
  get id(): string {
    return encodeGlobalId(this.constructor.name, this.uuid);
  }
}
