import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

import { Node, RecordEntity } from '../../database/record.entity';
import { Document } from '../document/document.entity';
import { ClauseKind } from './clause.enums';

@ObjectType({ implements: Node, description: 'A part, section, item, point or bullet of a document, in its tree' })
@Entity({ tableName: 'clause' })
// Deferred so that renumbering a subtree may pass through transient duplicates inside one transaction.
@Index({ properties: ['document', 'treeOrder'] })
@Unique({ name: 'clause_document_id_path_unique', properties: ['document', 'path'], deferMode: 'deferred' })
// search_text() is defined by the initial migration; the index backs the diacritic-blind `search` filter.
@Index({
  name: 'clause_search_index',
  expression: `create index "clause_search_index" on "clause" using gin (search_text(label, heading, text) gin_trgm_ops)`,
})
export class Clause extends RecordEntity {
  @ManyToOne(() => Document, { deleteRule: 'cascade' })
  document!: Document;

  @ManyToOne(() => Clause, { nullable: true, deleteRule: 'cascade' })
  @Index()
  parent?: Clause | null;

  @Field(() => Int, { description: 'Order among its siblings, from 0' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'Label as printed: "II", "2", "2.1", "a", "-"; empty for the preamble' })
  @Property({ type: 'text' })
  label!: string;

  @Field(() => ClauseKind)
  @Enum({ items: () => ClauseKind, type: 'text' })
  kind!: ClauseKind;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  heading?: string | null;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;

  /** Place in the whole document, depth first: printed order, kept by recomputePaths. "II.10" sorts after "II.9". */
  @Property({ type: 'integer', default: 0 })
  treeOrder: number = 0;

  @Field(() => String, {
    description: 'Stable path inside the document ("II.2.5", bullets "III.1.b3", "preamble"); how URLs and integrators name a clause',
  })
  @Property({ type: 'text' })
  path!: string;
}
