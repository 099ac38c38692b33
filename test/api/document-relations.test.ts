import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.stop());

const RELATION = `{ document(symbol: "19/KH-UBND") { id references { id version type citationText citingClause { path } to { symbol } } clause(path: "II.1") { id } } }`;
const UPDATE = `mutation($input: UpdateDocumentRelationInput!) { updateDocumentRelation(input: $input) { version type citationText citingClause { path } } }`;

describe('an editor corrects a reference between documents', () => {
  it('changes its type, citing clause and citation text, and a stale copy is refused', async () => {
    const { document } = await app.ok(RELATION);
    const cites = document.references.find((reference: any) => reference.type === 'CITES');
    expect(cites).toMatchObject({ to: { symbol: '183-QĐ/TW' }, citingClause: { path: 'preamble' } });

    const updated = await app.ok(UPDATE, {
      input: {
        id: cites.id,
        version: cites.version,
        type: 'BASED_ON',
        citingClauseId: document.clause.id,
        citationText: 'theo Quy định số 183-QĐ/TW',
      },
    });
    expect(updated.updateDocumentRelation).toEqual({
      version: cites.version + 1,
      type: 'BASED_ON',
      citationText: 'theo Quy định số 183-QĐ/TW',
      citingClause: { path: 'II.1' },
    });
    const lineage = await app.ok(`{ document(symbol: "19/KH-UBND") { lineage { type to { symbol } } } }`);
    expect(lineage.document.lineage).toContainEqual({ type: 'BASED_ON', to: { symbol: '183-QĐ/TW' } });

    expect(await app.errorCode(UPDATE, { input: { id: cites.id, version: cites.version, type: 'CITES' } })).toBe('CONFLICT');
  });

  it('refuses a citing clause from another document', async () => {
    const { document } = await app.ok(RELATION);
    const implementsParty = document.references.find((reference: any) => reference.type === 'IMPLEMENTS');
    const regulation = await app.ok(`{ document(symbol: "197-KH/TU") { references { id version } } }`);
    const response = await app.gql(UPDATE, {
      input: {
        id: regulation.document.references[0].id,
        version: regulation.document.references[0].version,
        citingClauseId: document.clause.id,
      },
    });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toMatch(/not in the citing document 197-KH\/TU/);
    expect(implementsParty.to.symbol).toBe('197-KH/TU');
  });
});
