// An administrator pastes each seed, reviews the draft, and commits it: through the real API, into a real database.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';
import { asInput, COMMIT, PREVIEW } from './draft-query';

const seeds = join(__dirname, '..', '..', 'server', 'demo', 'seeds');
const seed = (file: string) => readFile(join(seeds, file), 'utf8');

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

  it('previews a .docx sent as base64 as it previews the pasted text, appendix included', async () => {
    const file = await readFile(join(__dirname, 'fixtures', 'dak-nong-kh-19-2025-phu-luc.docx'));
    const { previewImportFile } = await app.ok(
      `query($name: String!, $content: String!) { previewImportFile(fileName: $name, contentBase64: $content) { symbol issuedOn clauses { path } tasks { clausePath leads } } }`,
      { name: 'ke-hoach-19.docx', content: file.toString('base64') },
    );
    expect(previewImportFile).toMatchObject({ symbol: '19/KH-UBND', issuedOn: '2025-01-13' });
    expect(previewImportFile.clauses.map((clause: any) => clause.path)).toEqual(['preamble', 'I', 'II', 'III', 'PL']);
    expect(previewImportFile.tasks.filter((task: any) => task.clausePath.startsWith('PL.')).length).toBeGreaterThan(0);
  });

  it('answers BAD_USER_INPUT, saying what to do, for a damaged .docx', async () => {
    const response = await app.gql(
      `query($name: String!, $content: String!) { previewImportFile(fileName: $name, contentBase64: $content) { kind } }`,
      {
        name: 'plan.docx',
        content: Buffer.from('not a zip').toString('base64'),
      },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/plan\.docx/);
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
