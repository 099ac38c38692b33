import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

import { Node, RecordEntity } from '../../database/record.entity';
import { Agency } from '../agency/agency.entity';
import type { Clause } from '../clause/clause.entity';
import { DocumentKind, DocumentStatus, RelationType } from './document.enums';
import { Recipient } from './recipient';

@ObjectType({ implements: Node, description: 'A directive document (Chỉ thị, Kế hoạch, Quy định …), or one known only from a citation' })
@Entity({ tableName: 'document' })
@Unique({ name: 'document_issuer_id_symbol_unique', properties: ['issuer', 'symbol'] })
// search_text() is defined by the initial migration; the index backs the diacritic-blind `search` filter.
@Index({
  name: 'document_search_index',
  expression: `create index "document_search_index" on "document" using gin (search_text(symbol, title) gin_trgm_ops)`,
})
export class Document extends RecordEntity {
  @Field(() => DocumentKind)
  @Enum({ items: () => DocumentKind, type: 'text' })
  kind!: DocumentKind;

  @Field(() => String, { nullable: true, description: 'Số, ký hiệu as printed ("19/KH-UBND", "183-QĐ/TW"); null when unknown' })
  @Property({ type: 'text', nullable: true })
  symbol?: string | null;

  @Field(() => String, { description: 'Trích yếu' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  @Index()
  issuedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Địa danh as printed' })
  @Property({ type: 'text', nullable: true })
  place?: string | null;

  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict' })
  @Index()
  issuer?: Agency | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  signerName?: string | null;

  @Field(() => String, { nullable: true, description: 'As printed in the signer block ("Chủ tịch", "KT. Chủ tịch / Phó Chủ tịch")' })
  @Property({ type: 'text', nullable: true })
  signerTitle?: string | null;

  @Field(() => DocumentStatus)
  @Enum({ items: () => DocumentStatus, type: 'text', default: DocumentStatus.IN_EFFECT })
  status: DocumentStatus = DocumentStatus.IN_EFFECT;

  /** Lazy: lists never read it; the GraphQL field loads it through a loader. */
  @Property({ type: 'text', nullable: true, lazy: true })
  originalText?: string | null;

  @Field(() => [Recipient], { description: 'Nơi nhận' })
  @Property({ type: 'json', default: '[]' })
  recipients: Recipient[] = [];

  @Field(() => Boolean, { description: 'Known only because another document cites it; entering its text fills it in' })
  @Property({ type: 'boolean', default: false })
  referenced: boolean = false;
}

@ObjectType({ implements: Node, description: 'A reference from one document to another, standing in a clause of the citing document' })
@Entity({ tableName: 'document_relation' })
@Unique({ properties: ['from', 'to', 'type'] })
@Check({ name: 'document_relation_not_self', expression: 'from_document_id <> to_document_id' })
export class DocumentRelation extends RecordEntity {
  @ManyToOne(() => Document, { fieldName: 'from_document_id', deleteRule: 'cascade' })
  from!: Document;

  @ManyToOne(() => Document, { fieldName: 'to_document_id', deleteRule: 'restrict' })
  @Index()
  to!: Document;

  @Field(() => RelationType)
  @Enum({ items: () => RelationType, type: 'text' })
  type!: RelationType;

  /** Named by string: the clause module imports this one, so a value import here would be a cycle. */
  @ManyToOne('Clause', { nullable: true, deleteRule: 'set null' })
  citingClause?: Clause | null;

  @ManyToOne('Clause', { nullable: true, deleteRule: 'set null' })
  @Index()
  targetClause?: Clause | null;

  @Field(() => String, { nullable: true, description: 'The words of the citation as written' })
  @Property({ type: 'text', nullable: true })
  citationText?: string | null;
}
