// The draft as the console asks for it (previewImport) and sends it back (commitImport), for the API tests.
export const DRAFT_FIELDS = /* GraphQL */ `
  kind symbol issuedOn place title originalText unplaced warnings
  issuer { name aliases } signer { name title }
  references { relation kind symbol issuedOn issuer text clausePath citedBySymbol }
  clauses { ...tree children { ...tree children { ...tree children { ...tree children { ...tree } } } } }
  tasks { clausePath title kind leads coordinators requested inherited due { date text } recurrence reportTo reportVia
          targets { text comparator value unit } }
  recipients { name purpose }
`;
export const TREE = `fragment tree on DraftClause { path label kind heading text }`;
export const PREVIEW = `query($text: String!) { previewImport(text: $text) { ${DRAFT_FIELDS} agencies { name agency { name } candidates { name } proposedName } existingDocument { symbol } } } ${TREE}`;
export const COMMIT = `mutation($draft: DocumentDraftInput!, $replace: Boolean) { commitImport(draft: $draft, replace: $replace) { id symbol referenced clauses { path } lineage { depth to { symbol } } } }`;

/** The draft as the console sends it back: the preview minus what only the server computes. */
export function asInput(preview: any) {
  const { agencies: _agencies, existingDocument: _existing, ...draft } = preview;
  const strip = (clauses: any[]): any[] => clauses.map((clause) => ({ ...clause, children: strip(clause.children ?? []) }));
  return { ...draft, clauses: strip(draft.clauses) };
}
