import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';

import { BadInputError } from '../../errors';
import { DeletedRecord, DeleteInput } from '../../graphql/common.types';
import { ConnectionArgs, ConnectionType } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { refUuid } from '../../graphql/dataloader';
import { uuidOf, withUuids } from '../../graphql/global-id';
import { selectionOf } from '../../graphql/lookahead';
import { prefetch, prefetchConnection } from '../../graphql/prefetch';
import { Agency } from '../agency/agency.entity';
import { Clause } from '../clause/clause.entity';
import { Document, DocumentRelation } from './document.entity';
import {
  CreateDocumentInput,
  CreateDocumentRelationInput,
  DocumentFilter,
  DocumentOrder,
  type RecipientInput,
  UpdateDocumentInput,
  UpdateDocumentRelationInput,
} from './document.inputs';
import { DOCUMENT_RELATIONS } from './document.relations';
import { DocumentService } from './document.service';
import { Recipient } from './recipient';

export const DocumentConnection = ConnectionType(Document, 'Document');

function recipientsWithUuids(recipients: RecipientInput[] | undefined): RecipientInput[] | undefined {
  return recipients?.map((recipient) => withUuids(recipient, { agencyId: 'Agency' }));
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => DocumentConnection, { description: 'Documents, referenced ones included' })
  documents(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => DocumentFilter, { nullable: true }) filter: DocumentFilter | undefined,
    @Arg('orderBy', () => [DocumentOrder], { nullable: true }) orderBy: DocumentOrder[] | undefined,
    @Ctx() { em, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return prefetchConnection(
      'Document',
      new DocumentService(em).list(filter && withUuids(filter, { issuerId: 'Agency' }), orderBy, page),
      info,
      loaders,
    );
  }

  @Query(() => Document, { nullable: true, description: 'A document by its ID, or by its symbol ("19/KH-UBND")' })
  async document(
    @Arg('id', () => ID, { nullable: true }) id: string | undefined,
    @Arg('symbol', () => String, { nullable: true }) symbol: string | undefined,
    @Arg('issuerId', () => ID, { nullable: true, description: 'Settles a symbol that two issuers share' }) issuerId: string | undefined,
    @Ctx() { em, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (id) {
      const uuid = uuidOf(id, 'Document', 'id');
      // Asked with its clauses (W3), the document comes with them: one statement reads the clauses joined with their
      // document, where reading the document, then its clauses, took two, one after the other. A document without
      // clauses, or a failed read, is left to the look-up below.
      const selection = selectionOf(info);
      if (selection.clauses || selection.clause) {
        await loaders.clause.ofDocument.loadAlong([uuid], 'document', loaders.document.byUuid).catch(() => undefined);
      }
      return loaders.document.byUuid.load(uuid);
    }
    if (symbol) return new DocumentService(em).findBySymbol(symbol, issuerId ? uuidOf(issuerId, 'Agency', 'issuerId') : undefined);
    throw new BadInputError('Give the id or the symbol of the document');
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'Cơ quan ban hành' })
  issuer(@Root() document: Document, @Ctx() { loaders }: Context) {
    return DOCUMENT_RELATIONS.issuer.load(document, loaders);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The document as it was entered, whole, flaws included' })
  originalText(@Root() document: Document, @Ctx() { loaders }: Context) {
    return loaders.document.originalText.load(document.uuid);
  }

  @FieldResolver(() => [Clause], { description: 'The whole clause tree, depth first in printed order (one request)' })
  async clauses(@Root() document: Document, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const clauses = await DOCUMENT_RELATIONS.clauses.load(document, loaders);
    await prefetch('Clause', clauses, selectionOf(info), loaders);
    return clauses;
  }

  @FieldResolver(() => Clause, { nullable: true, description: 'One clause by its path ("II.2.5")' })
  async clause(@Root() document: Document, @Arg('path', () => String) path: string, @Ctx() { loaders }: Context) {
    return (await loaders.clause.ofDocument.load(document.uuid)).find((clause) => clause.path === path) ?? null;
  }

  @FieldResolver(() => [DocumentRelation], { description: 'References this document makes' })
  references(@Root() document: Document, @Ctx() { loaders }: Context) {
    return loaders.document.relationsFrom.load(document.uuid);
  }

  @FieldResolver(() => [DocumentRelation], { description: 'References other documents make to this one' })
  referencedBy(@Root() document: Document, @Ctx() { loaders }: Context) {
    return loaders.document.relationsTo.load(document.uuid);
  }

  @Mutation(() => Document, { description: 'A document, with its whole clause tree when `clauses` is given' })
  createDocument(@Arg('input', () => CreateDocumentInput) input: CreateDocumentInput, @Ctx() { em }: Context) {
    const decoded = withUuids(input, { issuerId: 'Agency' });
    return new DocumentService(em).create({ ...decoded, recipients: recipientsWithUuids(input.recipients) });
  }

  @Mutation(() => Document)
  updateDocument(@Arg('input', () => UpdateDocumentInput) input: UpdateDocumentInput, @Ctx() { em }: Context) {
    const decoded = withUuids(input, { id: 'Document', issuerId: 'Agency' });
    return new DocumentService(em).update({ ...decoded, recipients: recipientsWithUuids(input.recipients) });
  }

  @Mutation(() => DeletedRecord, {
    description: 'Deletes the document and its clauses; CONFLICT while tasks or other documents depend on it',
  })
  async deleteDocument(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: Context) {
    await new DocumentService(em).delete(uuidOf(input.id, 'Document', 'id'), input.version);
    return { id: input.id };
  }

  @Mutation(() => DocumentRelation)
  createDocumentRelation(@Arg('input', () => CreateDocumentRelationInput) input: CreateDocumentRelationInput, @Ctx() { em }: Context) {
    return new DocumentService(em).createRelation(
      withUuids(input, { fromId: 'Document', toId: 'Document', citingClauseId: 'Clause', targetClauseId: 'Clause' }),
    );
  }

  @Mutation(() => DocumentRelation)
  updateDocumentRelation(@Arg('input', () => UpdateDocumentRelationInput) input: UpdateDocumentRelationInput, @Ctx() { em }: Context) {
    return new DocumentService(em).updateRelation(
      withUuids(input, { id: 'DocumentRelation', citingClauseId: 'Clause', targetClauseId: 'Clause' }),
    );
  }

  @Mutation(() => DeletedRecord)
  async deleteDocumentRelation(@Arg('input', () => DeleteInput) input: DeleteInput, @Ctx() { em }: Context) {
    await new DocumentService(em).deleteRelation(uuidOf(input.id, 'DocumentRelation', 'id'), input.version);
    return { id: input.id };
  }
}

@Resolver(() => DocumentRelation)
export class DocumentRelationResolver {
  @FieldResolver(() => Document, { description: 'The citing document' })
  from(@Root() relation: DocumentRelation, @Ctx() { loaders }: Context) {
    return loaders.document.byUuid.load(relation.from.uuid);
  }

  @FieldResolver(() => Document, { description: 'The cited document' })
  to(@Root() relation: DocumentRelation, @Ctx() { loaders }: Context) {
    return loaders.document.byUuid.load(relation.to.uuid);
  }

  @FieldResolver(() => Clause, { nullable: true, description: 'Where in the citing document the reference stands' })
  citingClause(@Root() relation: DocumentRelation, @Ctx() { loaders }: Context) {
    const uuid = refUuid(relation.citingClause);
    return uuid ? loaders.clause.byUuid.load(uuid) : null;
  }

  @FieldResolver(() => Clause, { nullable: true, description: 'The clause of the cited document referred to, when named' })
  targetClause(@Root() relation: DocumentRelation, @Ctx() { loaders }: Context) {
    const uuid = refUuid(relation.targetClause);
    return uuid ? loaders.clause.byUuid.load(uuid) : null;
  }
}

@Resolver(() => Recipient)
export class RecipientResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency this line names, when known' })
  agency(@Root() recipient: Recipient, @Ctx() { loaders }: Context) {
    return recipient.agencyUuid ? loaders.agency.byUuid.load(recipient.agencyUuid) : null;
  }
}
