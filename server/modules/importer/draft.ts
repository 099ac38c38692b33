// What the importer reads out of a document's text: a structured draft a person reviews before it is committed.
// Plain data (no ORM, no GraphQL), so the parser, the CLI's --json, the API and the tests share one shape.
import type { ClauseKind } from '../clause/clause.enums';
import type { DocumentKind, RelationType } from '../document/document.enums';
import type { Recurrence, TargetComparator, TaskKind } from '../task/task.enums';

export interface DraftReference {
  /** IMPLEMENTS (thực hiện, triển khai), BASED_ON (căn cứ) or CITES. */
  relation: RelationType;
  kind: DocumentKind | null;
  /** As printed: "197-KH/TU"; null when the citation gives none. */
  symbol: string | null;
  /** YYYY-MM-DD */
  issuedOn: string | null;
  /** The issuing body as the citation names it ("Tỉnh ủy", "Bộ Chính trị", "Thủ tướng Chính phủ"). */
  issuer: string | null;
  /** The words of the citation, as written. */
  text: string;
  /** Path of the clause where the citation stands ("preamble" for the preamble). */
  clausePath: string | null;
  /**
   * For a chain inside one sentence ("Kế hoạch 197-KH/TU … về thực hiện Quy định 183-QĐ/TW"): the symbol of the
   * cited document that this one implements; the relation then runs from that document, not from the draft.
   */
  citedBySymbol: string | null;
}

export interface DraftClause {
  /** Stable path as the registry computes it ("II.2.5", "III.1.b3", "preamble"). */
  path: string;
  /** Label as printed ("II", "2.5", "a", "-"); empty for the preamble or an unlabelled paragraph. */
  label: string;
  kind: ClauseKind;
  heading: string | null;
  text: string;
  children: DraftClause[];
  /** For a row of a task table (Phụ lục): the table's column headers and this row's cells. */
  table?: { columns: string[]; cells: string[] };
}

export interface DraftTarget {
  /** As written: "kéo giảm ít nhất 5%". */
  text: string;
  comparator: TargetComparator | null;
  value: number | null;
  unit: string | null;
}

export interface DraftTask {
  /** The source clause; for a row of an appendix task table, the row's own clause. */
  clausePath: string;
  title: string;
  kind: TaskKind;
  /** Agency names as written in the text (resolved against the registry later). */
  leads: string[];
  coordinators: string[];
  /** "Đề nghị …": asked of a body outside the issuer's command. */
  requested: boolean;
  /** True when the agencies come from a section heading above the clause. */
  inherited: boolean;
  due: { date: string | null; text: string | null };
  recurrence: Recurrence;
  targets: DraftTarget[];
  /** For a reporting duty: to whom ("UBND tỉnh") and through whom ("Công an tỉnh"). */
  reportTo: string | null;
  reportVia: string | null;
}

export interface DraftRecipient {
  name: string;
  /** "báo cáo" (for information), "thực hiện" (to act), … when the list says so. */
  purpose: string | null;
}

export interface DocumentDraft {
  kind: DocumentKind | null;
  symbol: string | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  /** `aliases`: the short name the text gives it ("viết gọn là Ban Chỉ đạo 138 tỉnh"), kept on the agency. */
  issuer: { name: string; aliases?: string[] | null } | null;
  signer: { name: string | null; title: string | null } | null;
  references: DraftReference[];
  clauses: DraftClause[];
  tasks: DraftTask[];
  recipients: DraftRecipient[];
  /** Text the importer could not place anywhere else, kept word for word. */
  unplaced: string[];
  /** What the importer could not read or had to guess, in words an administrator acts on. */
  warnings: string[];
}
