// The clause tree's rules: positions without gaps, paths that follow labels and shape, subtrees that move and go whole.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';

import { findForChange, findOrFail } from '../../database/record-access';
import { BadInputError, ConflictError, NotFoundError } from '../../errors';
import { type ConnectionArgs, paginate } from '../../graphql/connection';
import { refUuid } from '../../graphql/dataloader';
import { searchFilter } from '../../graphql/search';
import { auditedNativeDelete } from '../audit/audited-writes';
import { Document } from '../document/document.entity';
import { Task } from '../task/task.entity';
import { Clause } from './clause.entity';
import type { AddClauseInput, ClauseFilter, ClauseTreeInput, MoveClauseInput, UpdateClauseInput } from './clause.inputs';
import { computePaths } from './clause-path';

/** Placeholder path of a clause whose real path is computed before the transaction commits. */
const pendingPath = (clause: Clause) => `~pending~${clause.uuid}`;

export class ClauseService {
  constructor(private readonly em: EntityManager) {}

  list(filter: ClauseFilter | undefined, page: ConnectionArgs) {
    const where: Record<string, unknown>[] = [];
    if (filter?.documentId) where.push({ document: filter.documentId });
    if (filter?.kind?.length) where.push({ kind: { $in: filter.kind } });
    if (filter?.search) where.push(searchFilter('$.label, $.heading, $.text', filter.search));
    return paginate(this.em, Clause, { $and: where } as FilterQuery<Clause>, [{ document: { uuid: 'asc' } }, { treeOrder: 'asc' }], page);
  }

  async findByPath(documentUuid: string, path: string): Promise<Clause | null> {
    return this.em.findOne(Clause, { document: documentUuid, path });
  }

  async add(input: AddClauseInput): Promise<Clause> {
    return this.em.transactional(async (em) => {
      const document = await findOrFail(em, Document, input.documentId, 'Document');
      const parent = input.parentId ? await findOrFail(em, Clause, input.parentId, 'Parent clause') : null;
      if (parent && refUuid(parent.document) !== document.uuid) {
        throw new BadInputError(`The parent clause ${parent.path} is not in document ${document.symbol ?? document.title}`, {
          argument: 'parentId',
        });
      }
      const clause = em.create(Clause, {
        document,
        parent,
        position: 0,
        label: input.label.trim(),
        kind: input.kind,
        heading: input.heading ?? null,
        text: input.text,
        path: '',
        treeOrder: 0,
      });
      clause.path = pendingPath(clause);
      await placeAmongSiblings(em, clause, input.position);
      await recomputePaths(em, document.uuid);
      return clause;
    });
  }

  async update(input: UpdateClauseInput): Promise<Clause> {
    return this.em.transactional(async (em) => {
      const clause = await findForChange(em, Clause, input.id, input.version, 'Clause');
      if (input.text != null) clause.text = input.text;
      if (input.heading !== undefined) clause.heading = input.heading;
      const reshaped = (input.label != null && input.label.trim() !== clause.label) || (input.kind != null && input.kind !== clause.kind);
      if (input.label != null) clause.label = input.label.trim();
      if (input.kind != null) clause.kind = input.kind;
      if (reshaped) await recomputePaths(em, refUuid(clause.document)!);
      return clause;
    });
  }

  async move(input: MoveClauseInput): Promise<Clause> {
    return this.em.transactional(async (em) => {
      const clause = await findForChange(em, Clause, input.id, input.version, 'Clause');
      const documentUuid = refUuid(clause.document)!;
      const parent = input.parentId ? await findOrFail(em, Clause, input.parentId, 'New parent clause') : null;
      if (parent) {
        if (refUuid(parent.document) !== documentUuid) {
          throw new BadInputError(`Clause ${clause.path} can only move within its own document`, { argument: 'parentId' });
        }
        const all = await em.find(Clause, { document: documentUuid });
        if (subtreeUuids(all, clause.uuid).has(parent.uuid)) {
          throw new BadInputError(`Clause ${clause.path} cannot move under ${parent.path}, which is inside it`, { argument: 'parentId' });
        }
      }
      const oldParentUuid = refUuid(clause.parent);
      clause.parent = parent;
      await renumber(em, documentUuid, oldParentUuid, clause.uuid);
      await placeAmongSiblings(em, clause, input.position);
      await recomputePaths(em, documentUuid);
      return clause;
    });
  }

  /** Deletes the clause and everything under it; refuses while tasks still stand on any of them. */
  async delete(uuid: string, version: number): Promise<void> {
    await this.em.transactional(async (em) => {
      const clause = await findForChange(em, Clause, uuid, version, 'Clause');
      const documentUuid = refUuid(clause.document)!;
      const subtree = subtreeUuids(await em.find(Clause, { document: documentUuid }), clause.uuid);
      const tasks = await em.count(Task, { sourceClause: { $in: [...subtree] } });
      if (tasks > 0) {
        throw new ConflictError(
          `Clause ${clause.path} and its sub-clauses are the source of ${tasks} task(s); delete or move those tasks first`,
          { tasks },
        );
      }
      const parentUuid = refUuid(clause.parent);
      await auditedNativeDelete(em, Clause, { uuid: { $in: [...subtree] } });
      for (const removed of subtree) {
        const entity = em.getUnitOfWork().getById(Clause.name, removed);
        if (entity) em.getUnitOfWork().unsetIdentity(entity);
      }
      await renumber(em, documentUuid, parentUuid, null);
      await recomputePaths(em, documentUuid);
    });
  }
}

/** Creates a whole tree under `parent` (or at the top), in order; paths are computed by the caller. */
export function insertClauseTree(em: EntityManager, document: Document, trees: ClauseTreeInput[], parent: Clause | null = null): Clause[] {
  const created: Clause[] = [];
  trees.forEach((tree, position) => {
    const clause = em.create(Clause, {
      document,
      parent,
      position,
      label: tree.label.trim(),
      kind: tree.kind,
      heading: tree.heading ?? null,
      text: tree.text,
      path: '',
      treeOrder: 0,
    });
    clause.path = pendingPath(clause);
    created.push(clause, ...insertClauseTree(em, document, tree.children ?? [], clause));
  });
  return created;
}

/** Every clause's path from its label and place; only changed paths are written. */
export async function recomputePaths(em: EntityManager, documentUuid: string): Promise<void> {
  await em.flush();
  // refresh: a batched UPDATE does not hand the new versions back to the entities (their key property is `uuid`,
  // the column `id`), and the path UPDATE below would then fail its own optimistic lock check.
  const clauses = await em.find(Clause, { document: documentUuid }, { refresh: true });
  const paths = computePaths(
    clauses.map((clause) => ({
      uuid: clause.uuid,
      parentUuid: refUuid(clause.parent),
      position: clause.position,
      label: clause.label,
      kind: clause.kind,
    })),
  );
  const printedOrder = new Map([...paths.keys()].map((uuid, index) => [uuid, index]));
  for (const clause of clauses) {
    const path = paths.get(clause.uuid);
    if (!path) throw new NotFoundError(`Clause ${clause.uuid} is outside the tree of its document`);
    if (clause.path !== path) clause.path = path;
    const treeOrder = printedOrder.get(clause.uuid)!;
    if (clause.treeOrder !== treeOrder) clause.treeOrder = treeOrder;
  }
  await em.flush();
}

function subtreeUuids(all: Clause[], rootUuid: string): Set<string> {
  const subtree = new Set([rootUuid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const clause of all) {
      const parentUuid = refUuid(clause.parent);
      if (parentUuid && subtree.has(parentUuid) && !subtree.has(clause.uuid)) {
        subtree.add(clause.uuid);
        grew = true;
      }
    }
  }
  return subtree;
}

async function siblingsOf(em: EntityManager, documentUuid: string, parentUuid: string | null, except: string | null): Promise<Clause[]> {
  const siblings = await em.find(Clause, { document: documentUuid, parent: parentUuid }, { orderBy: { position: 'asc' } });
  return siblings.filter((sibling) => sibling.uuid !== except);
}

/** Closes the gap a clause leaves among its old siblings. */
async function renumber(em: EntityManager, documentUuid: string, parentUuid: string | null, leaving: string | null): Promise<void> {
  const siblings = await siblingsOf(em, documentUuid, parentUuid, leaving);
  siblings.forEach((sibling, position) => {
    if (sibling.position !== position) sibling.position = position;
  });
}

/** Puts the clause at `position` among its (new) siblings, shifting the ones after it. */
async function placeAmongSiblings(em: EntityManager, clause: Clause, position: number | undefined): Promise<void> {
  const siblings = await siblingsOf(em, refUuid(clause.document)!, refUuid(clause.parent), clause.uuid);
  const at = Math.min(position ?? siblings.length, siblings.length);
  siblings.splice(at, 0, clause);
  siblings.forEach((sibling, index) => {
    if (sibling.position !== index) sibling.position = index;
  });
}
