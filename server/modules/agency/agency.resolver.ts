import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { DeletedRecord, DeleteInput } from '../../graphql/common.types';
import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { Agency } from './agency.entity';
import { AgencyFilter, AgencyOrder, CreateAgencyInput, UpdateAgencyInput } from './agency.inputs';
import { AgencyService } from './agency.service';

export const AgencyConnection = ConnectionType(Agency, 'Agency');

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => AgencyConnection, { description: 'Agencies, groups included' })
  agencies(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => AgencyFilter, { nullable: true }) filter: AgencyFilter | undefined,
    @Arg('orderBy', () => [AgencyOrder], { nullable: true }) orderBy: AgencyOrder[] | undefined,
    @Ctx() { em }: Context,
  ) {
    return new AgencyService(em).list(filter && withUuids(filter, { parentId: 'Agency' }), orderBy, page);
  }

  @Query(() => Agency, { nullable: true })
  agency(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.agency.byUuid.load(uuidOf(id, 'Agency', 'id'));
  }

  @FieldResolver(() => Agency, { nullable: true })
  parent(@Root() agency: Agency, @Ctx() { loaders }: Context) {
    const uuid = refUuid(agency.parent);
    return uuid ? loaders.agency.byUuid.load(uuid) : null;
  }

  @FieldResolver(() => [Agency], { description: 'Members, when this agency is a group' })
  members(@Root() agency: Agency, @Ctx() { loaders }: Context) {
    return loaders.agency.membersOfGroup.load(agency.uuid);
  }

  @FieldResolver(() => [Agency], { description: 'Groups this agency belongs to' })
  memberOf(@Root() agency: Agency, @Ctx() { loaders }: Context) {
    return loaders.agency.groupsOfMember.load(agency.uuid);
  }

  @Mutation(() => Agency)
  createAgency(@Arg('input', () => CreateAgencyInput) input: CreateAgencyInput, @Ctx() { em }: Context) {
    return new AgencyService(em).create(withUuids(input, { parentId: 'Agency', memberIds: 'Agency' }));
  }

  @Mutation(() => Agency)
  updateAgency(@Arg('input', () => UpdateAgencyInput) input: UpdateAgencyInput, @Ctx() { em }: Context) {
    return new AgencyService(em).update(withUuids(input, { id: 'Agency', parentId: 'Agency', memberIds: 'Agency' }));
  }

  @Mutation(() => DeletedRecord, { description: 'Fails with CONFLICT while documents, tasks or reports still name the agency' })
  async deleteAgency(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: Context) {
    await new AgencyService(em).delete(uuidOf(input.id, 'Agency', 'id'), input.version);
    return { id: input.id };
  }
}
