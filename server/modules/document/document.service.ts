// The rules for documents and the references between them.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { findForChange, findOrFail } from '../../database/record-access';
import { BadInputError, ConflictError, NotFoundError } from '../../errors';
import { type ConnectionArgs, orderByOf, OrderDirection, paginate } from '../../graphql/connection';
import { searchFilter } from '../../graphql/search';
import { Agency } from '../agency/agency.entity';
import { Clause } from '../clause/clause.entity';
import { insertClauseTree, recomputePaths } from '../clause/clause.service';
import { Task } from '../task/task.entity';
import { Document, DocumentRelation } from './document.entity';
import { DocumentStatus } from './document.enums';
import {
  type CreateDocumentInput,
  type CreateDocumentRelationInput,
  type DocumentFilter,
  type DocumentOrder,
  DocumentOrderField,
  type RecipientInput,
  type UpdateDocumentInput,
  type UpdateDocumentRelationInput,
} from './document.inputs';
import type { Recipient } from './recipient';

export class DocumentService {
  constructor(private readonly em: EntityManager) {}

  list(filter: DocumentFilter | undefined, order: DocumentOrder[] | undefined, page: ConnectionArgs) {
    const where: Record<string, unknown>[] = [];
    if (filter?.search) where.push(searchFilter('$.symbol, $.title', filter.search));
    if (filter?.kind?.length) where.push({ kind: { $in: filter.kind } });
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.issuerId) where.push({ issuer: filter.issuerId });
    if (filter?.referenced != null) where.push({ referenced: filter.referenced });
    if (filter?.year != null) where.push({ issuedOn: { $gte: `${filter.year}-01-01`, $lte: `${filter.year}-12-31` } });
    const orderBy = orderByOf(
      order,
      {
        ISSUED_ON: 'issuedOn',
        SYMBOL: 'symbol',
        TITLE: { vietnameseText: { property: 'title', column: 'title' } },
        CREATED_AT: 'createdAt',
      },
      [{ field: DocumentOrderField.ISSUED_ON, direction: OrderDirection.DESC }],
    );
    return paginate(this.em, Document, { $and: where } as FilterQuery<Document>, orderBy, page);
  }

  /** The document with this symbol; `issuerUuid` settles a symbol two issuers share. */
  async findBySymbol(symbol: string, issuerUuid?: string): Promise<Document | null> {
    const matches = await this.em.find(Document, { symbol: symbol.trim(), ...(issuerUuid ? { issuer: issuerUuid } : {}) }, { limit: 2 });
    if (matches.length > 1) {
      throw new BadInputError(`More than one issuer has a document numbered ${symbol}; pass issuerId as well`, { argument: 'symbol' });
    }
    return matches[0] ?? null;
  }

  async create(input: CreateDocumentInput): Promise<Document> {
    return this.em.transactional(async (em) => {
      const document = em.create(Document, {
        kind: input.kind,
        symbol: input.symbol?.trim() || null,
        title: input.title.trim(),
        issuedOn: input.issuedOn ?? null,
        place: input.place ?? null,
        issuer: input.issuerId ? await findOrFail(em, Agency, input.issuerId, 'Issuer') : null,
        signerName: input.signerName ?? null,
        signerTitle: input.signerTitle ?? null,
        status: input.status ?? DocumentStatus.IN_EFFECT,
        originalText: input.originalText ?? null,
        recipients: await recipientsOf(em, input.recipients),
        referenced: input.referenced ?? false,
      });
      if (input.clauses?.length) {
        insertClauseTree(em, document, input.clauses);
        await recomputePaths(em, document.uuid);
      }
      return document;
    });
  }

  async update(input: UpdateDocumentInput): Promise<Document> {
    return this.em.transactional(async (em) => {
      const document = await findForChange(em, Document, input.id, input.version, 'Document');
      if (input.kind) document.kind = input.kind;
      if (input.symbol !== undefined) document.symbol = input.symbol?.trim() || null;
      if (input.title != null) document.title = input.title.trim();
      if (input.issuedOn !== undefined) document.issuedOn = input.issuedOn;
      if (input.place !== undefined) document.place = input.place;
      if (input.issuerId !== undefined) document.issuer = input.issuerId ? await findOrFail(em, Agency, input.issuerId, 'Issuer') : null;
      if (input.signerName !== undefined) document.signerName = input.signerName;
      if (input.signerTitle !== undefined) document.signerTitle = input.signerTitle;
      if (input.status) document.status = input.status;
      if (input.originalText !== undefined) document.originalText = input.originalText;
      if (input.recipients) document.recipients = await recipientsOf(em, input.recipients);
      if (input.referenced != null) document.referenced = input.referenced;
      return document;
    });
  }

  /** Deletes a document with its clauses and outgoing references; refuses while tasks or other documents depend on it. */
  async delete(uuid: string, version: number): Promise<void> {
    await this.em.transactional(async (em) => {
      const document = await findForChange(em, Document, uuid, version, 'Document');
      const name = document.symbol ?? document.title;
      const tasks = await em.count(Task, { sourceClause: { document: uuid } });
      if (tasks > 0) throw new ConflictError(`Document ${name} is the source of ${tasks} task(s); delete those tasks first`, { tasks });
      const citedBy = await em.count(DocumentRelation, { to: uuid });
      if (citedBy > 0) {
        throw new ConflictError(`${citedBy} other document(s) refer to ${name}; remove those references first`, { citedBy });
      }
      em.remove(document);
    });
  }

  async createRelation(input: CreateDocumentRelationInput): Promise<DocumentRelation> {
    return this.em.transactional(async (em) => {
      const from = await findOrFail(em, Document, input.fromId, 'Citing document');
      const to = await findOrFail(em, Document, input.toId, 'Cited document');
      if (from.uuid === to.uuid) throw new BadInputError('A document cannot refer to itself', { argument: 'toId' });
      const citingClause = await clauseOf(em, from, input.citingClauseId, 'citingClauseId');
      const targetClause = await clauseOf(em, to, input.targetClauseId, 'targetClauseId');
      return em.create(DocumentRelation, {
        from,
        to,
        type: input.type,
        citingClause,
        targetClause,
        citationText: input.citationText ?? null,
      });
    });
  }

  async updateRelation(input: UpdateDocumentRelationInput): Promise<DocumentRelation> {
    return this.em.transactional(async (em) => {
      const relation = await findForChange(em, DocumentRelation, input.id, input.version, 'Document relation');
      if (input.type) relation.type = input.type;
      if (input.citingClauseId !== undefined) {
        relation.citingClause = await clauseOf(
          em,
          await findOrFail(em, Document, relation.from.uuid, 'Citing document'),
          input.citingClauseId,
          'citingClauseId',
        );
      }
      if (input.targetClauseId !== undefined) {
        relation.targetClause = await clauseOf(
          em,
          await findOrFail(em, Document, relation.to.uuid, 'Cited document'),
          input.targetClauseId,
          'targetClauseId',
        );
      }
      if (input.citationText !== undefined) relation.citationText = input.citationText;
      return relation;
    });
  }

  async deleteRelation(uuid: string, version: number): Promise<void> {
    await this.em.transactional(async (em) => {
      em.remove(await findForChange(em, DocumentRelation, uuid, version, 'Document relation'));
    });
  }
}

/** The clause `clauseUuid` of `document`, or null when none is named; a clause of another document is refused. */
async function clauseOf(
  em: EntityManager,
  document: Document,
  clauseUuid: string | null | undefined,
  argument: string,
): Promise<Clause | null> {
  if (!clauseUuid) return null;
  const clause = await findOrFail(em, Clause, clauseUuid, 'Clause');
  if (clause.document.uuid !== document.uuid) {
    const role = argument === 'citingClauseId' ? 'citing' : 'cited';
    throw new BadInputError(`Clause ${clause.path} is not in the ${role} document ${document.symbol ?? document.title}`, { argument });
  }
  return clause;
}

async function recipientsOf(em: EntityManager, recipients: RecipientInput[] | undefined): Promise<Recipient[]> {
  const agencyUuids = [...new Set((recipients ?? []).map((recipient) => recipient.agencyId).filter((id): id is string => Boolean(id)))];
  const known = new Set((await em.find(Agency, { uuid: { $in: agencyUuids } })).map((agency) => agency.uuid));
  const unknown = agencyUuids.filter((uuid) => !known.has(uuid));
  if (unknown.length)
    throw new NotFoundError(`recipients name agencies that do not exist: ${unknown.join(', ')}`, { argument: 'recipients' });
  return (recipients ?? []).map((recipient) => ({
    name: recipient.name.trim(),
    purpose: recipient.purpose ?? null,
    agencyUuid: recipient.agencyId ?? null,
  }));
}
