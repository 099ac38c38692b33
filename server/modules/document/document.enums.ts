import { registerEnumType } from 'type-graphql';

export enum DocumentKind {
  DIRECTIVE = 'DIRECTIVE',
  PLAN = 'PLAN',
  REGULATION = 'REGULATION',
  DECISION = 'DECISION',
  RESOLUTION = 'RESOLUTION',
  CONCLUSION = 'CONCLUSION',
  PROGRAM = 'PROGRAM',
  GUIDANCE = 'GUIDANCE',
  DECREE = 'DECREE',
  CIRCULAR = 'CIRCULAR',
  LAW = 'LAW',
  OFFICIAL_LETTER = 'OFFICIAL_LETTER',
}

export enum DocumentStatus {
  DRAFT = 'DRAFT',
  IN_EFFECT = 'IN_EFFECT',
  EXPIRED = 'EXPIRED',
  SUPERSEDED = 'SUPERSEDED',
}

export enum RelationType {
  IMPLEMENTS = 'IMPLEMENTS',
  BASED_ON = 'BASED_ON',
  CITES = 'CITES',
  AMENDS = 'AMENDS',
  REPLACES = 'REPLACES',
}

/** Relation types that make the target a legal basis of the source: lineage follows only these. */
export const LINEAGE_RELATIONS: readonly RelationType[] = [RelationType.IMPLEMENTS, RelationType.BASED_ON];

registerEnumType(DocumentKind, { name: 'DocumentKind', description: 'Kind of directive document (Chỉ thị, Kế hoạch, Quy định …)' });
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });
registerEnumType(RelationType, {
  name: 'RelationType',
  description: 'How one document refers to another; IMPLEMENTS and BASED_ON form the lineage',
});

/** How the console and citations name each kind, in Vietnamese. */
export const DOCUMENT_KIND_NAMES_VI: Record<DocumentKind, string> = {
  [DocumentKind.DIRECTIVE]: 'Chỉ thị',
  [DocumentKind.PLAN]: 'Kế hoạch',
  [DocumentKind.REGULATION]: 'Quy định',
  [DocumentKind.DECISION]: 'Quyết định',
  [DocumentKind.RESOLUTION]: 'Nghị quyết',
  [DocumentKind.CONCLUSION]: 'Kết luận',
  [DocumentKind.PROGRAM]: 'Chương trình',
  [DocumentKind.GUIDANCE]: 'Hướng dẫn',
  [DocumentKind.DECREE]: 'Nghị định',
  [DocumentKind.CIRCULAR]: 'Thông tư',
  [DocumentKind.LAW]: 'Luật',
  [DocumentKind.OFFICIAL_LETTER]: 'Công văn',
};
