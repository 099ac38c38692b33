import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { BadInputError } from '../../errors';
import { DeletedRecord, DeleteInput } from '../../graphql/common.types';
import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { prefetchConnection } from '../../graphql/prefetch';
import { Document } from '../document/document.entity';
import { Clause } from './clause.entity';
import { AddClauseInput, ClauseFilter, MoveClauseInput, UpdateClauseInput } from './clause.inputs';
import { clauseWithAncestors } from './clause.loaders';
import { CLAUSE_RELATIONS } from './clause.relations';
import { ClauseService } from './clause.service';
import { citationOf } from './clause-path';

export const ClauseConnection = ConnectionType(Clause, 'Clause');

@Resolver(() => Clause)
export class ClauseResolver {
  @Query(() => ClauseConnection, { description: 'Clauses across documents, or of one document with filter.documentId' })
  clauses(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => ClauseFilter, { nullable: true }) filter: ClauseFilter | undefined,
    @Ctx() { em, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return prefetchConnection(
      'Clause',
      new ClauseService(em).list(filter && withUuids(filter, { documentId: 'Document' }), page),
      info,
      loaders,
    );
  }

  @Query(() => Clause, { nullable: true, description: 'A clause by its ID, or by its document and path ("II.2.5")' })
  async clause(
    @Arg('id', () => ID, { nullable: true }) id: string | undefined,
    @Arg('documentId', () => ID, { nullable: true }) documentId: string | undefined,
    @Arg('path', () => String, { nullable: true }) path: string | undefined,
    @Ctx() { em, loaders }: Context,
  ) {
    if (id) return loaders.clause.byUuid.load(uuidOf(id, 'Clause', 'id'));
    if (documentId && path) return new ClauseService(em).findByPath(uuidOf(documentId, 'Document', 'documentId'), path);
    throw new BadInputError('Give the id of the clause, or documentId and path');
  }

  @FieldResolver(() => Document)
  document(@Root() clause: Clause, @Ctx() { loaders }: Context) {
    return CLAUSE_RELATIONS.document.load(clause, loaders);
  }

  @FieldResolver(() => Clause, { nullable: true })
  parent(@Root() clause: Clause, @Ctx() { loaders }: Context) {
    const uuid = refUuid(clause.parent);
    return uuid ? loaders.clause.byUuid.load(uuid) : null;
  }

  @FieldResolver(() => [Clause], { description: 'Direct sub-clauses in printed order' })
  async children(@Root() clause: Clause, @Ctx() { loaders }: Context) {
    const all = await loaders.clause.ofDocument.load(clause.document.uuid);
    return all.filter((candidate) => refUuid(candidate.parent) === clause.uuid).sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [Clause], { description: 'Enclosing clauses, outermost first (the clause itself excluded)' })
  async ancestors(@Root() clause: Clause, @Ctx() { loaders }: Context) {
    return (await clauseWithAncestors(clause, loaders.clause)).slice(0, -1);
  }

  @FieldResolver(() => Int, { description: '0 for a top-level clause' })
  depth(@Root() clause: Clause) {
    return clause.path.split('.').length - 1;
  }

  @FieldResolver(() => String, { description: 'How a person cites it: "điểm 2.5 mục 2 phần II Kế hoạch 19/KH-UBND"' })
  async citation(@Root() clause: Clause, @Ctx() { loaders }: Context) {
    const [chain, document] = await Promise.all([
      clauseWithAncestors(clause, loaders.clause),
      loaders.document.byUuid.load(clause.document.uuid),
    ]);
    return citationOf(chain, document!);
  }

  @Mutation(() => Clause, { description: 'Adds a clause; paths of the document follow' })
  addClause(@Arg('input', () => AddClauseInput) input: AddClauseInput, @Ctx() { em }: Context) {
    return new ClauseService(em).add(withUuids(input, { documentId: 'Document', parentId: 'Clause' }));
  }

  @Mutation(() => Clause, { description: "Edits a clause; a new label renames its path and its sub-clauses' paths" })
  updateClause(@Arg('input', () => UpdateClauseInput) input: UpdateClauseInput, @Ctx() { em }: Context) {
    return new ClauseService(em).update(withUuids(input, { id: 'Clause' }));
  }

  @Mutation(() => Clause, { description: 'Moves a clause with its subtree to another parent or place in the same document' })
  moveClause(@Arg('input', () => MoveClauseInput) input: MoveClauseInput, @Ctx() { em }: Context) {
    return new ClauseService(em).move(withUuids(input, { id: 'Clause', parentId: 'Clause' }));
  }

  @Mutation(() => DeletedRecord, { description: 'Deletes a clause with its subtree; CONFLICT while tasks stand on any of them' })
  async deleteClause(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: Context) {
    await new ClauseService(em).delete(uuidOf(input.id, 'Clause', 'id'), input.version);
    return { id: input.id };
  }
}
