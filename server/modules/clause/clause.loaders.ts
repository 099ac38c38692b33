import type { EntityManager } from '@mikro-orm/postgresql';

import { loaderByRelation, loaderByUuid, refUuid } from '../../graphql/dataloader';
import { Clause } from './clause.entity';

export function createClauseLoaders(em: EntityManager) {
  return {
    byUuid: loaderByUuid(em, Clause),
    /** All clauses of a document: the tree, ancestors and citations are all read from this one batch. */
    ofDocument: loaderByRelation(em, Clause, 'document', { treeOrder: 'asc' }),
  };
}

/** A document's clauses depth first, in printed order. */
export function inDocumentOrder(clauses: Clause[]): Clause[] {
  const children = new Map<string | null, Clause[]>();
  for (const clause of clauses) {
    const parentUuid = refUuid(clause.parent);
    children.set(parentUuid, [...(children.get(parentUuid) ?? []), clause]);
  }
  const ordered: Clause[] = [];
  const walk = (parentUuid: string | null) => {
    for (const clause of (children.get(parentUuid) ?? []).sort((a, b) => a.position - b.position)) {
      ordered.push(clause);
      walk(clause.uuid);
    }
  };
  walk(null);
  return ordered;
}

/** The clause and its ancestors, outermost first, from the document's clauses. */
export function chainOf(clause: Clause, documentClauses: Clause[]): Clause[] {
  const byUuid = new Map(documentClauses.map((candidate) => [candidate.uuid, candidate]));
  const chain = [clause];
  for (let parentUuid = refUuid(clause.parent); parentUuid && chain.length < 100;) {
    const parent = byUuid.get(parentUuid);
    if (!parent) break;
    chain.unshift(parent);
    parentUuid = refUuid(parent.parent);
  }
  return chain;
}
