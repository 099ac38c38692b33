import { ArrayType, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

import { Node, RecordEntity } from '../../database/record.entity';
import { AgencyKind, AgencyLevel } from './agency.enums';

@ObjectType({ implements: Node, description: 'A body that issues documents, leads or coordinates tasks, or files reports' })
@Entity({ tableName: 'agency' })
// search_text() is defined by the initial migration; the index backs the diacritic-blind `search` filter.
@Index({
  name: 'agency_search_index',
  expression: `create index "agency_search_index" on "agency" using gin (search_text(variadic array[name, short_name] || aliases) gin_trgm_ops)`,
})
export class Agency extends RecordEntity {
  @Field(() => String, { description: 'Full name, unique nationally ("Công an tỉnh Đắk Nông")' })
  @Property({ type: 'text' })
  @Unique({ name: 'agency_name_unique' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short form as documents write it ("CA tỉnh")' })
  @Property({ type: 'text', nullable: true })
  shortName?: string | null;

  @Field(() => [String], { description: 'Other spellings and abbreviations met in documents' })
  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  aliases: string[] = [];

  @Field(() => AgencyKind)
  @Enum({ items: () => AgencyKind, type: 'text' })
  kind!: AgencyKind;

  @Field(() => AgencyLevel)
  @Enum({ items: () => AgencyLevel, type: 'text' })
  level!: AgencyLevel;

  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'set null' })
  parent?: Agency | null;

  @Field(() => Boolean, { description: 'A group ("Các Sở, ban, ngành") that stands for its members' })
  @Property({ type: 'boolean', default: false })
  isGroup: boolean = false;

  @ManyToMany(() => Agency, undefined, {
    owner: true,
    pivotTable: 'agency_group_member',
    joinColumn: 'group_id',
    inverseJoinColumn: 'member_id',
  })
  members = new Collection<Agency>(this);
}
