// Names in an imported text resolved against the registry: abbreviations and aliases within the document's province,
// groups kept as groups, and a body of another province never taken for the registry's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../support/test-app';
import { seedText } from './accuracy';
import { asInput, COMMIT, PREVIEW } from './draft-query';

const AGENCIES = /* GraphQL */ `
  query ($text: String!) {
    previewImport(text: $text) {
      agencies {
        name
        agency {
          name
          isGroup
        }
        candidates {
          name
        }
        proposedName
      }
    }
  }
`;

/** A Đắk Nông plan naming bodies the way documents abbreviate them. */
const DAK_NONG_TEXT = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH ĐẮK NÔNG',
  'Số: 31/KH-UBND',
  'Đắk Nông, ngày 10 tháng 02 năm 2025',
  'KẾ HOẠCH',
  'Tuyên truyền pháp luật năm 2025',
  'I. NHIỆM VỤ',
  '1. Tổ chức tuyên truyền (CA tỉnh chủ trì; VKSND tỉnh, TAND tỉnh, UBMTTQ tỉnh phối hợp thực hiện).',
  '2. Các Sở, Ban, ngành, đoàn thể tổ chức quán triệt trong cơ quan, đơn vị.',
  '3. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức hội thi.',
].join('\n');

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.stop());

describe('the agencies of a draft', () => {
  it('links abbreviations and groups to the registry within the province, and proposes the unknown', async () => {
    const { previewImport } = await app.ok(AGENCIES, { text: DAK_NONG_TEXT });
    const byName = new Map<string, any>(previewImport.agencies.map((match: any) => [match.name, match]));
    expect(byName.get('CA tỉnh').agency.name).toBe('Công an tỉnh Đắk Nông');
    expect(byName.get('VKSND tỉnh').agency.name).toBe('Viện kiểm sát nhân dân tỉnh Đắk Nông');
    expect(byName.get('TAND tỉnh').agency.name).toBe('Tòa án nhân dân tỉnh Đắk Nông');
    expect(byName.get('UBMTTQ tỉnh').agency.name).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Nông');
    expect(byName.get('Các Sở, Ban, ngành, đoàn thể').agency).toEqual({
      name: 'Các Sở, Ban, ngành, đoàn thể tỉnh Đắk Nông',
      isGroup: true,
    });
    // Nothing in the registry is this department: it is proposed as new, not matched to another Sở.
    expect(byName.get('Sở Văn hóa, Thể thao và Du lịch')).toMatchObject({ agency: null, proposedName: 'Sở Văn hóa, Thể thao và Du lịch' });
  });

  it("never takes another province's police for Đắk Nông's", async () => {
    const { previewImport } = await app.ok(AGENCIES, { text: seedText('gia-lai-kh-2025-quy-dinh-183') });
    const police = previewImport.agencies.find((match: any) => match.name === 'Công an tỉnh');
    expect(police).toMatchObject({ agency: null, proposedName: 'Công an tỉnh Gia Lai' });
  });

  it("keeps the short name a text gives its issuer, and resolves the text's uses of it to the issuer", async () => {
    const { previewImport } = await app.ok(PREVIEW, { text: seedText('tuyen-quang-kh-bcd138-2024') });
    expect(previewImport.issuer).toEqual({
      name: 'Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ ANTQ tỉnh Tuyên Quang',
      aliases: ['Ban Chỉ đạo 138 tỉnh'],
    });
    const { commitImport } = await app.ok(`${COMMIT.replace('referenced', 'referenced issuer { name aliases }')}`, {
      draft: asInput(previewImport),
    });
    expect(commitImport.issuer).toEqual({ name: previewImport.issuer.name, aliases: ['Ban Chỉ đạo 138 tỉnh'] });
    // "Kế hoạch số 04/KH-BCĐ … của Ban Chỉ đạo 138 tỉnh" cites the issuer's own earlier plan, by its short name.
    const { document } = await app.ok(`{ document(symbol: "04/KH-BCĐ") { referenced issuer { name } } }`);
    expect(document).toEqual({ referenced: true, issuer: { name: previewImport.issuer.name } });
  });
});
