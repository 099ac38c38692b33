// The audit trail in GraphQL: auditEvents, each audited type's history, a clause's text at a moment.
import type { EntityProperty } from '@mikro-orm/core';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { Arg, Args, type ClassType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { RecordEntity } from '../../database/record.entity';
import { BadInputError, ForbiddenError } from '../../errors';
import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { decodeGlobalId, encodeGlobalId } from '../../graphql/global-id';
import { currentActor } from '../account/actor';
import { ANONYMOUS, mayUse } from '../account/permissions';
import { Agency } from '../agency/agency.entity';
import { Clause } from '../clause/clause.entity';
import { Document, DocumentRelation } from '../document/document.entity';
import { Report } from '../report/report.entity';
import { Assignment, Task } from '../task/task.entity';
import { AuditActorKind } from './audit.enums';
import { AuditEventFilter } from './audit.inputs';
import { AuditService } from './audit.service';
import { AuditEvent } from './audit-event.entity';
import { MASKED } from './audit-trail';
import { PointInTimeService } from './point-in-time';

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@ObjectType({ description: 'Who made a change, as it was recorded then (a deleted account keeps its name here)' })
export class AuditActor {
  @Field(() => AuditActorKind)
  kind!: AuditActorKind;

  @Field(() => ID, { nullable: true, description: "The user's or API token's global ID; null for the system and anonymous callers" })
  id!: string | null;

  @Field(() => String, { description: 'Username, token name, "system" or "anonymous"' })
  name!: string;
}

@ObjectType({ description: 'One field of a change: null before on a create, null after on a delete' })
export class AuditFieldChange {
  @Field(() => String, { description: 'The field, as the GraphQL type names it ("text", "sourceClause")' })
  field!: string;

  @Field(() => JSONResolver, { nullable: true, description: `Records as global IDs; hashes, passwords and secrets read "${MASKED}"` })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true })
  after!: unknown;
}

const ACTOR_TYPES: Partial<Record<AuditActorKind, string>> = { [AuditActorKind.USER]: 'User', [AuditActorKind.TOKEN]: 'ApiToken' };
const MAX_HISTORY = 100;

/** Who may read who changed what: the same callers as auditEvents (server/modules/account/permissions.ts). */
function assertMayReadTrail(): void {
  const actor = currentActor();
  if (actor?.kind === 'SYSTEM') return;
  const caller = actor?.role ?? ANONYMOUS;
  if (!mayUse('Query', 'auditEvents', caller))
    throw new ForbiddenError(`Your role (${caller}) may not read the audit trail`, { role: caller });
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first' })
  auditEvents(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Ctx() { em }: Context,
  ) {
    let entityUuid: string | undefined;
    if (filter?.entityId) {
      const decoded = decodeGlobalId(filter.entityId);
      if (!decoded)
        throw new BadInputError(`filter.entityId "${filter.entityId.slice(0, 80)}" is not an ID this API gave out`, {
          argument: 'filter.entityId',
        });
      if (filter.entityType && filter.entityType !== decoded.typeName) {
        throw new BadInputError(`filter.entityId is the ID of a ${decoded.typeName}, not of a ${filter.entityType}`, {
          argument: 'filter.entityId',
        });
      }
      entityUuid = decoded.uuid;
    }
    return new AuditService(em).list({ ...filter, entityUuid }, page);
  }

  @FieldResolver(() => ID, { description: 'Global ID of the record changed (it may since have been deleted)' })
  entityId(@Root() event: AuditEvent) {
    return encodeGlobalId(event.entityType, event.entityId);
  }

  @FieldResolver(() => AuditActor)
  actor(@Root() event: AuditEvent): AuditActor {
    const type = ACTOR_TYPES[event.actorKind];
    return { kind: event.actorKind, id: type && event.actorId ? encodeGlobalId(type, event.actorId) : null, name: event.actorName };
  }

  @FieldResolver(() => [AuditFieldChange], { description: 'Each field that changed, before → after' })
  changes(@Root() event: AuditEvent, @Ctx() { em }: Context): AuditFieldChange[] {
    const meta = em.getMetadata().find(event.entityType);
    return Object.entries(event.changes).map(([field, change]) => {
      const prop = meta?.properties[field as never] as EntityProperty<object> | undefined;
      const target = prop?.targetMeta?.className;
      const asId = (value: unknown): unknown => {
        if (!target || value == null) return value ?? null;
        return Array.isArray(value) ? value.map(asId) : encodeGlobalId(target, String(value));
      };
      return { field, before: asId(change.before), after: asId(change.after) };
    });
  }
}

/** `history` on one audited type: its newest events, one batched statement for a whole page of records. */
function historyResolver<T extends RecordEntity>(type: ClassType<T>) {
  @Resolver(() => type)
  class HistoryResolver {
    @FieldResolver(() => [AuditEvent], {
      description: `Its audit events, newest first (at most ${MAX_HISTORY}; auditEvents(filter: { entityId }) pages through all of them)`,
    })
    history(@Root() record: T, @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() { loaders }: Context) {
      assertMayReadTrail();
      if (first < 0 || first > MAX_HISTORY) throw new BadInputError(`first must be between 0 and ${MAX_HISTORY}`, { argument: 'first' });
      return first === 0 ? [] : loaders.audit.history.load({ entityType: type.name, uuid: record.uuid, first });
    }
  }
  return HistoryResolver;
}

export const DocumentHistoryResolver = historyResolver(Document);
export const DocumentRelationHistoryResolver = historyResolver(DocumentRelation);
export const ClauseHistoryResolver = historyResolver(Clause);
export const TaskHistoryResolver = historyResolver(Task);
export const AssignmentHistoryResolver = historyResolver(Assignment);
export const AgencyHistoryResolver = historyResolver(Agency);
export const ReportHistoryResolver = historyResolver(Report);

@Resolver(() => Clause)
export class ClauseTextAtResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Its text as it read at that moment, rebuilt from the audit trail; null if the clause did not exist then',
  })
  textAt(@Root() clause: Clause, @Arg('at', () => DateTimeResolver) at: Date, @Ctx() { em, loaders }: Context) {
    return new PointInTimeService(em, loaders).clauseTextAt(clause, at);
  }
}

/** Every resolver of the audit module, for the schema. */
export const AUDIT_RESOLVERS = [
  AuditEventResolver,
  DocumentHistoryResolver,
  DocumentRelationHistoryResolver,
  ClauseHistoryResolver,
  TaskHistoryResolver,
  AssignmentHistoryResolver,
  AgencyHistoryResolver,
  ReportHistoryResolver,
  ClauseTextAtResolver,
] as const;
