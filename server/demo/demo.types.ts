// The shape of hand-entered demo data: plain values that the demo loader feeds to the same services the API calls.
import type { AgencyKind, AgencyLevel } from '../modules/agency/agency.enums';
import type { ClauseKind } from '../modules/clause/clause.enums';
import type { DocumentKind, DocumentStatus, RelationType } from '../modules/document/document.enums';
import type { AssignmentRole, Recurrence, TargetComparator, TaskKind } from '../modules/task/task.enums';

export interface DemoAgency {
  /** Local key used by the other demo records to point at this agency. */
  key: string;
  name: string;
  shortName?: string;
  aliases?: string[];
  kind: AgencyKind;
  level: AgencyLevel;
  parentKey?: string;
  /** A group ("Các Sở, Ban, ngành, đoàn thể") stands for many member bodies. */
  isGroup?: boolean;
  memberKeys?: string[];
}

export interface DemoClause {
  /** Label exactly as printed: "I", "2", "2.5", "a", "-" (empty for an unlabelled paragraph). */
  label: string;
  kind: ClauseKind;
  heading?: string;
  text: string;
  children?: DemoClause[];
}

export interface DemoRecipient {
  name: string;
  /** "báo cáo" (for information) or "thực hiện" (to act), when the list says so. */
  purpose?: string;
  agencyKey?: string;
}

export interface DemoDocument {
  key: string;
  kind: DocumentKind;
  symbol: string | null;
  title: string;
  issuedOn: string | null;
  place?: string;
  issuerKey: string;
  signerName?: string;
  signerTitle?: string;
  status: DocumentStatus;
  /** File name under server/demo/seeds/ holding the document's original text, when we have it. */
  originalTextFile?: string;
  recipients?: DemoRecipient[];
  /** The preamble (căn cứ / thực hiện …) before the first numbered part; stored as clause path "preamble". */
  preamble?: string;
  clauses?: DemoClause[];
  /** Known only because another document cites it. */
  referenced?: boolean;
}

export interface DemoRelation {
  fromKey: string;
  toKey: string;
  type: RelationType;
  /** Path of the clause of the *from* document where the reference stands ("preamble" for the preamble). */
  citingClausePath?: string;
  citationText: string;
}

export interface DemoAssignment {
  agencyKey: string;
  role: AssignmentRole;
  /** "Đề nghị …": asked of a body outside the issuer's command. */
  requested?: boolean;
  /** Handed down from a section heading that names the agencies. */
  inherited?: boolean;
}

export interface DemoTarget {
  text: string;
  comparator?: TargetComparator;
  value?: number;
  unit?: string;
}

export interface DemoTask {
  documentKey: string;
  clausePath: string;
  title: string;
  description?: string;
  kind: TaskKind;
  recurrence: Recurrence;
  dueDate?: string;
  duePhrase?: string;
  targets?: DemoTarget[];
  assignments: DemoAssignment[];
}

export interface DemoDataset {
  agencies: DemoAgency[];
  documents: DemoDocument[];
  relations: DemoRelation[];
  tasks: DemoTask[];
}
