// The rules for agencies: unique names, groups with members, parents that never loop.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { findForChange, findOrFail } from '../../database/record-access';
import { BadInputError, ConflictError, NotFoundError } from '../../errors';
import { type ConnectionArgs, orderByOf, OrderDirection, paginate } from '../../graphql/connection';
import { searchFilter } from '../../graphql/search';
import { Agency } from './agency.entity';
import { type AgencyFilter, type AgencyOrder, AgencyOrderField, type CreateAgencyInput, type UpdateAgencyInput } from './agency.inputs';

export class AgencyService {
  constructor(private readonly em: EntityManager) {}

  list(filter: AgencyFilter | undefined, order: AgencyOrder[] | undefined, page: ConnectionArgs) {
    const where: Record<string, unknown>[] = [];
    if (filter?.search) where.push(searchFilter('variadic array[$.name, $.short_name] || $.aliases', filter.search));
    if (filter?.kind?.length) where.push({ kind: { $in: filter.kind } });
    if (filter?.level?.length) where.push({ level: { $in: filter.level } });
    if (filter?.isGroup != null) where.push({ isGroup: filter.isGroup });
    if (filter?.parentId) where.push({ parent: filter.parentId });
    const orderBy = orderByOf(order, { NAME: { vietnameseText: { property: 'name', column: 'name' } }, CREATED_AT: 'createdAt' }, [
      { field: AgencyOrderField.NAME, direction: OrderDirection.ASC },
    ]);
    // Agencies are a few thousand rows at national scale, so that no plan of theirs is costly whatever the filter's
    // values and holding every match is cheap, and the console's agency pickers search them as the user types:
    // planning each search cost PostgreSQL more than running it, and the count and the page each ran it.
    return paginate(this.em, Agency, { $and: where } as FilterQuery<Agency>, orderBy, page, { prepared: true, readMatchesOnce: true });
  }

  async create(input: CreateAgencyInput): Promise<Agency> {
    return this.em.transactional(async (em) => {
      const agency = em.create(Agency, {
        name: input.name.trim(),
        shortName: input.shortName?.trim() || null,
        aliases: cleanAliases(input.aliases),
        kind: input.kind,
        level: input.level,
        isGroup: input.isGroup ?? Boolean(input.memberIds?.length),
        parent: input.parentId ? await findOrFail(em, Agency, input.parentId, 'Parent agency') : null,
      });
      if (input.memberIds) await setMembers(em, agency, input.memberIds);
      return agency;
    });
  }

  async update(input: UpdateAgencyInput): Promise<Agency> {
    return this.em.transactional(async (em) => {
      const agency = await findForChange(em, Agency, input.id, input.version, 'Agency');
      if (input.name != null) agency.name = input.name.trim();
      if (input.shortName !== undefined) agency.shortName = input.shortName?.trim() || null;
      if (input.aliases) agency.aliases = cleanAliases(input.aliases);
      if (input.kind) agency.kind = input.kind;
      if (input.level) agency.level = input.level;
      if (input.isGroup != null) agency.isGroup = input.isGroup;
      if (input.parentId !== undefined) {
        agency.parent = input.parentId ? await findOrFail(em, Agency, input.parentId, 'Parent agency') : null;
        if (agency.parent) await assertNotOwnAncestor(em, agency);
      }
      if (input.memberIds) await setMembers(em, agency, input.memberIds);
      return agency;
    });
  }

  /** Refuses while documents, tasks or reports still name the agency, so none of them is left naming nothing. */
  async delete(uuid: string, version: number): Promise<void> {
    await this.em.transactional(async (em) => {
      const agency = await findForChange(em, Agency, uuid, version, 'Agency');
      await assertUnused(em, agency);
      em.remove(agency);
    });
  }
}

async function assertUnused(em: EntityManager, agency: Agency): Promise<void> {
  // Recipients are JSON lines, not a foreign key: nothing but this check keeps them from dangling.
  const [uses] = await em.execute<{ issued: number; received: number; assigned: number; reported: number }[]>(
    `select (select count(*)::int from document where issuer_id = ?) as issued,
            (select count(*)::int from document where recipients @> ?::jsonb) as received,
            (select count(*)::int from assignment where agency_id = ?) as assigned,
            (select count(*)::int from report where agency_id = ?) as reported`,
    [agency.uuid, JSON.stringify([{ agencyUuid: agency.uuid }]), agency.uuid, agency.uuid],
  );
  const named = [
    uses.issued && `the issuer of ${uses.issued} document(s)`,
    uses.received && `a recipient of ${uses.received} document(s)`,
    uses.assigned && `assigned to ${uses.assigned} task(s)`,
    uses.reported && `the submitter of ${uses.reported} report(s)`,
  ].filter(Boolean);
  if (named.length) {
    throw new ConflictError(`Agency "${agency.name}" is still ${named.join(', ')}; change those records first`, { ...uses });
  }
}

function cleanAliases(aliases: string[] | undefined): string[] {
  return [...new Set((aliases ?? []).map((alias) => alias.trim()).filter(Boolean))];
}

async function setMembers(em: EntityManager, group: Agency, memberUuids: string[]): Promise<void> {
  if (memberUuids.includes(group.uuid)) throw new BadInputError('A group cannot be a member of itself', { argument: 'memberIds' });
  const members = await em.find(Agency, { uuid: { $in: memberUuids } });
  const missing = memberUuids.filter((uuid) => !members.some((member) => member.uuid === uuid));
  if (missing.length)
    throw new NotFoundError(`memberIds names agencies that do not exist: ${missing.join(', ')}`, { argument: 'memberIds' });
  if (members.length && !group.isGroup) group.isGroup = true;
  await group.members.init();
  group.members.set(members);
}

async function assertNotOwnAncestor(em: EntityManager, agency: Agency): Promise<void> {
  const seen = new Set([agency.uuid]);
  let current = agency.parent;
  while (current) {
    if (seen.has(current.uuid)) {
      throw new BadInputError(`Agency "${agency.name}" cannot be placed under its own sub-agency`, { argument: 'parentId' });
    }
    seen.add(current.uuid);
    current = (await em.findOne(Agency, { uuid: current.uuid }))?.parent ?? null;
  }
}
