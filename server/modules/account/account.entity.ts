// Who may sign in (users, with a role) and what integrators call the API with (tokens); secrets are stored only as hashes.
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

import { RecordEntity } from '../../database/record.entity';
import { Agency } from '../agency/agency.entity';
import { Role } from './actor';

/** Roles a user account may hold; INTEGRATOR belongs to API tokens. */
export const USER_ROLES = [Role.ADMIN, Role.EDITOR, Role.AUDITOR, Role.REPORTER] as const;

@ObjectType({ description: 'A person who signs in to the console' })
@Entity({ tableName: 'user_account' })
// A reporter speaks for exactly one agency; nobody else belongs to one.
@Check({ name: 'user_account_agency_only_for_reporter', expression: `(role = 'REPORTER') = (agency_id is not null)` })
export class User extends RecordEntity {
  @Field(() => String, { description: 'Lower case; what the user types to log in' })
  @Property({ type: 'text' })
  @Unique({ name: 'user_account_username_unique' })
  username!: string;

  @Field(() => String, { nullable: true, description: 'The name shown in the console' })
  @Property({ type: 'text', nullable: true })
  displayName?: string | null;

  /** argon2id, never sent anywhere; hidden keeps it out of serialised copies (audit trail, logs). */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Field(() => Role)
  @Enum({ items: () => [...USER_ROLES], type: 'text' })
  role!: Role;

  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict' })
  @Index()
  agency?: Agency | null;

  @Field(() => Boolean, { description: 'A deactivated user can no longer log in, and its sessions end at once' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Int, { description: 'Failed logins since the last success or lock' })
  @Property({ type: 'integer', default: 0 })
  failedLogins: number = 0;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Logins are refused until then, after repeated failures' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  /** Sessions carry the generation they were issued in; logout and a password reset move it on, ending them all. */
  @Property({ type: 'integer', default: 0, hidden: true })
  sessionGeneration: number = 0;
}

@ObjectType({ description: 'A named, revocable credential an integrator sends as Authorization: Bearer <secret>' })
@Entity({ tableName: 'api_token' })
export class ApiToken extends RecordEntity {
  @Field(() => String, { description: 'Who or what uses it ("Cổng dịch vụ công tỉnh")' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Role)
  @Enum({ items: () => [Role.INTEGRATOR], type: 'text', default: Role.INTEGRATOR })
  role: Role = Role.INTEGRATOR;

  /** SHA-256 of the secret, hex; the secret itself is shown once, when the token is created. */
  @Property({ type: 'text', hidden: true })
  @Unique({ name: 'api_token_secret_hash_unique' })
  secretHash!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Refused from then on; none means it does not expire' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Recorded at most once a minute' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;
}
