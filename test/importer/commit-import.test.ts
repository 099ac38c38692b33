// An administrator pastes each seed, reviews the draft, and commits it: through the real API, into a real database.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';

const seeds = join(__dirname, '..', '..', 'server', 'demo', 'seeds');
const seed = (file: string) => readFile(join(seeds, file), 'utf8');

const DRAFT_FIELDS = /* GraphQL */ `
  kind symbol issuedOn place title originalText unplaced warnings
  issuer { name } signer { name title }
  references { relation kind symbol issuedOn issuer text clausePath citedBySymbol }
  clauses { ...tree children { ...tree children { ...tree children { ...tree children { ...tree } } } } }
  tasks { clausePath title kind leads coordinators requested inherited due { date text } recurrence reportTo reportVia
          targets { text comparator value unit } }
  recipients { name purpose }
`;
const TREE = `fragment tree on DraftClause { path label kind heading text }`;
const PREVIEW = `query($text: String!) { previewImport(text: $text) { ${DRAFT_FIELDS} agencies { name agency { name } candidates { name } proposedName } existingDocument { symbol } } } ${TREE}`;
const COMMIT = `mutation($draft: DocumentDraftInput!, $replace: Boolean) { commitImport(draft: $draft, replace: $replace) { id symbol referenced clauses { path } lineage { depth to { symbol } } } }`;

/** The draft as the console sends it back: the preview minus what only the server computes. */
function asInput(preview: any) {
  const { agencies: _agencies, existingDocument: _existing, ...draft } = preview;
  const strip = (clauses: any[]): any[] => clauses.map((clause) => ({ ...clause, children: strip(clause.children ?? []) }));
  return { ...draft, clauses: strip(draft.clauses) };
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.stop());

describe('importing the seed documents', () => {
  it('refuses to import 19/KH-UBND a second time, and replaces it when asked', async () => {
    const { previewImport } = await app.ok(PREVIEW, { text: await seed('dak-nong-kh-19-2025-quy-dinh-183.txt') });
    expect(previewImport).toMatchObject({
      kind: 'PLAN',
      symbol: '19/KH-UBND',
      issuedOn: '2025-01-13',
      existingDocument: { symbol: '19/KH-UBND' },
    });
    const police = previewImport.agencies.find((match: any) => match.name === 'Công an tỉnh');
    expect(police?.agency?.name).toBe('Công an tỉnh Đắk Nông');

    const again = await app.gql(COMMIT, { draft: asInput(previewImport) });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already registered; commit with replace: true/);

    const replaced = await app.ok(COMMIT, { draft: asInput(previewImport), replace: true });
    expect(replaced.commitImport.referenced).toBe(false);
    expect(replaced.commitImport.lineage.map((step: any) => step.to.symbol)).toEqual(['197-KH/TU', '183-QĐ/TW']);
    const { documents } = await app.ok(`{ documents(filter: { search: "19/KH-UBND" }) { totalCount } }`);
    expect(documents.totalCount).toBe(1);
  });

  it.each([
    ['gia-lai-kh-2025-quy-dinh-183.txt', '183-QĐ/TW'],
    ['thanh-uy-chi-thi-quy-dinh-183.txt', '183-QĐ/TW'],
    ['vinh-phuc-kh-chi-thi-39-ttg.txt', '39/CT-TTg'],
  ])('commits %s with its lineage up to %s', async (file, root) => {
    const { previewImport } = await app.ok(PREVIEW, { text: await seed(file) });
    const { commitImport } = await app.ok(COMMIT, { draft: asInput(previewImport) });
    expect(commitImport.clauses.length).toBeGreaterThan(5);
    expect(commitImport.lineage.map((step: any) => step.to.symbol)).toContain(root);
  });

  it('commits the Tuyên Quang plan with its many cited plans', async () => {
    const { previewImport } = await app.ok(PREVIEW, { text: await seed('tuyen-quang-kh-bcd138-2024.txt') });
    expect(previewImport.references.length).toBeGreaterThan(2);
    const { commitImport } = await app.ok(COMMIT, { draft: asInput(previewImport) });
    expect(commitImport.lineage.map((step: any) => step.to.symbol)).toEqual(expect.arrayContaining(['18/KH-BCĐ138/CP']));
  });

  it('writes nothing when one task of the draft names a clause the tree does not have', async () => {
    const { previewImport } = await app.ok(PREVIEW, { text: await seed('vinh-phuc-kh-chi-thi-39-ttg.txt') });
    const before = await app.ok(`{ documents { totalCount } agencies { totalCount } }`);
    const draft = asInput(previewImport);
    draft.symbol = '999/KH-TEST';
    draft.tasks = [...draft.tasks, { ...draft.tasks[0], clausePath: 'IX.9' }];
    const response = await app.gql(COMMIT, { draft });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await app.ok(`{ documents { totalCount } agencies { totalCount } }`)).toEqual(before);
  });

  it('refuses an empty text, and a file of an unknown type', async () => {
    expect(await app.errorCode(PREVIEW, { text: '   ' })).toBe('BAD_USER_INPUT');
    expect(
      await app.errorCode(
        `query($name: String!, $content: String!) { previewImportFile(fileName: $name, contentBase64: $content) { kind } }`,
        {
          name: 'plan.odt',
          content: Buffer.from('x').toString('base64'),
        },
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
