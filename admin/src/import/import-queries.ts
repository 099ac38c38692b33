// The draft as previewImport answers it and commitImport takes it back (the README's "deepest query", 7 levels).
const DRAFT_FIELDS = /* GraphQL */ `
  kind symbol issuedOn place title originalText unplaced warnings
  issuer { name aliases } signer { name title }
  references { relation kind symbol issuedOn issuer text clausePath citedBySymbol }
  clauses { ...tree children { ...tree children { ...tree children { ...tree children { ...tree } } } } }
  tasks { clausePath title kind leads coordinators requested inherited due { date text } recurrence reportTo reportVia
          targets { text comparator value unit } }
  recipients { name purpose }
  agencies { name agency { id name } candidates { id name } proposedName }
  existingDocument { id symbol }
`;
const TREE = `fragment tree on DraftClause { path label kind heading text }`;

export const PREVIEW_TEXT = `query PreviewImport($text: String!) { draft: previewImport(text: $text) { ${DRAFT_FIELDS} } } ${TREE}`;
export const PREVIEW_FILE = `query PreviewImportFile($fileName: String!, $contentBase64: String!) {
  draft: previewImportFile(fileName: $fileName, contentBase64: $contentBase64) { ${DRAFT_FIELDS} } } ${TREE}`;
export const COMMIT = `mutation CommitImport($draft: DocumentDraftInput!, $replace: Boolean!, $agencies: [AgencyChoiceInput!]) {
  commitImport(draft: $draft, replace: $replace, agencies: $agencies) { id symbol } }`;

export interface DraftClause {
  path: string;
  label: string;
  kind: string;
  heading: string | null;
  text: string;
  children: DraftClause[];
}

export interface DraftTask {
  clausePath: string;
  title: string;
  kind: string;
  leads: string[];
  coordinators: string[];
  requested: boolean;
  inherited: boolean;
  due: { date: string | null; text: string | null };
  recurrence: string;
  reportTo: string | null;
  reportVia: string | null;
  targets: { text: string; comparator: string | null; value: number | null; unit: string | null }[];
}

export interface DraftReference {
  relation: string;
  kind: string | null;
  symbol: string | null;
  issuedOn: string | null;
  issuer: string | null;
  text: string;
  clausePath: string | null;
  citedBySymbol: string | null;
}

export interface AgencyMatch {
  name: string;
  agency: { id: string; name: string } | null;
  candidates: { id: string; name: string }[];
  proposedName: string | null;
}

export interface Draft {
  kind: string | null;
  symbol: string | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  originalText: string | null;
  unplaced: string[];
  warnings: string[];
  issuer: { name: string; aliases: string[] | null } | null;
  signer: { name: string | null; title: string | null } | null;
  references: DraftReference[];
  clauses: DraftClause[];
  tasks: DraftTask[];
  recipients: { name: string; purpose: string | null }[];
}

export interface Preview extends Draft {
  agencies: AgencyMatch[];
  existingDocument: { id: string; symbol: string | null } | null;
}

/** The draft as commitImport takes it: what only the server computes left out; an emptied issuer or signer dropped. */
export function draftInput(preview: Preview): Draft {
  const { agencies: _agencies, existingDocument: _existing, ...draft } = preview;
  const clauses = (list: DraftClause[]): DraftClause[] =>
    list.map((clause) => ({ ...clause, heading: clause.heading || null, children: clauses(clause.children ?? []) }));
  return {
    ...draft,
    issuer: draft.issuer?.name ? draft.issuer : null,
    signer: draft.signer?.name || draft.signer?.title ? draft.signer : null,
    clauses: clauses(draft.clauses),
  };
}
