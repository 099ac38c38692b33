// Importing files as an administrator receives them: a Word document with an appendix table, a PDF with Vietnamese text
// in an embedded font, and the broken or foreign files that must be turned away with a message saying what to do.
// The fixtures are real files made by test/support/make-import-fixtures.ts and read by the real mammoth and pdf.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';

import { BadInputError } from '../../server/errors';
import type { DocumentDraft, DraftClause } from '../../server/modules/importer/draft';
import { textOfFile } from '../../server/modules/importer/file-text';
import { parseDocument } from '../../server/modules/importer/parse-document';

const fixture = (file: string) => readFileSync(join(__dirname, 'fixtures', file));
const seedText = readFileSync(join(__dirname, '..', '..', 'server', 'demo', 'seeds', 'dak-nong-kh-19-2025-quy-dinh-183.txt'), 'utf8');
const seedDraft = parseDocument(seedText);
const DOCX = 'dak-nong-kh-19-2025-phu-luc.docx';
const LAYOUT_DOCX = 'dak-nong-kh-19-2025-bang-bo-cuc.docx';
const PDF = 'dak-nong-kh-19-2025.pdf';

const flatten = (clauses: DraftClause[]): DraftClause[] => clauses.flatMap((clause) => [clause, ...flatten(clause.children)]);
/** What a clause says, without its children: two readings of one document must agree on these. */
const outline = (clauses: DraftClause[]) =>
  flatten(clauses).map(({ path, label, kind, heading, text }) => ({ path, label, kind, heading, text }));

/** The rejection textOfFile gives a file, for its class, code and message. */
async function rejection(fileName: string, content: Buffer): Promise<BadInputError> {
  const error = await textOfFile(fileName, content).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `${fileName} was accepted`).toBeInstanceOf(BadInputError);
  expect((error as BadInputError).code).toBe('BAD_USER_INPUT');
  return error as BadInputError;
}

function pdfkitFile(options: PDFKit.PDFDocumentOptions, draw: (pdf: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument(options);
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    draw(pdf);
    pdf.end();
  });
}

describe('a .docx of plan 19/KH-UBND in Word paragraphs, with a task table in its appendix', () => {
  let text: string;
  beforeAll(async () => {
    text = await textOfFile(DOCX, fixture(DOCX));
  });

  it('reads every Word paragraph of the seed as a paragraph of its own, its formatting and line breaks kept', () => {
    const paragraphs = text.split('\n\n');
    const seedParagraphs = seedText
      .split(/\n[ \t]*\n/)
      .map((block) =>
        block
          .replace(/\*/g, '')
          .split('\n')
          .map((line) => line.trim())
          .join('\n')
          .trim(),
      )
      .filter(Boolean);
    expect(seedParagraphs.length).toBeGreaterThan(40);
    for (const paragraph of seedParagraphs) expect(paragraphs).toContain(paragraph);
    // The header: bold runs, and the line break inside the issuer's paragraph.
    expect(paragraphs).toContain('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐẮK NÔNG');
    expect(paragraphs).toContain('Số: 19 /KH-UBND');
  });

  it('reads the appendix table as consecutive "| cell |" rows, a cell of two paragraphs on one line', () => {
    const table = [
      '| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |',
      '| 1 | Tổ chức quán triệt, phổ biến Quy định số 183-QĐ/TW đến cán bộ, công chức, viên chức | Công an tỉnh | Viện kiểm sát nhân dân tỉnh; Tòa án nhân dân tỉnh | Quý I năm 2025 |',
      '| 2 | Rà soát, bổ sung quy chế phối hợp bảo vệ người thi hành công vụ trong hoạt động tố tụng, thi hành án | Công an tỉnh | Cục Thi hành án dân sự tỉnh; Sở Tư pháp | Trước ngày 30/6/2025 |',
      '| 3 | Sơ kết, báo cáo kết quả thực hiện Kế hoạch về Ủy ban nhân dân tỉnh | Công an tỉnh | Các Sở, Ban, ngành, đoàn thể | Trước ngày 15/12 hằng năm |',
    ].join('\n');
    expect(text).toContain(`PHỤ LỤC\n\nDANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN QUY ĐỊNH SỐ 183-QĐ/TW`);
    expect(text).toContain(`\n\n${table}`);
    expect(text.endsWith(table)).toBe(true);
  });
});

describe('a .docx laid out as offices lay it out: header and closing in two-column tables without lines', () => {
  let text: string;
  beforeAll(async () => {
    text = await textOfFile(LAYOUT_DOCX, fixture(LAYOUT_DOCX));
  });

  it('reads a layout table as paragraphs, left column first, and only the task table as "| cell |" rows', () => {
    expect(text).toMatch(
      /^ỦY BAN NHÂN DÂN\n\nTỈNH ĐẮK NÔNG\n\nSố: 19\/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nĐăk Nông, ngày 13 tháng 01 năm 2025\n\nKẾ HOẠCH\n\n/,
    );
    expect(text).toMatch(
      /\n\nNoi nhận:\n\n- Văn phòng Chính phủ;\n\n[\s\S]*- Lưu: VT, NC \(Ln\)\.\n\nCHỦ TỊCH\n\nHồ Văn Mười\n\nPHỤ LỤC\n\n/,
    );
    expect(text.split('\n').filter((line) => line.startsWith('|'))).toHaveLength(4);
  });
});

describe.each([DOCX, LAYOUT_DOCX])('%s parsed', (file) => {
  let draft: DocumentDraft;
  beforeAll(async () => {
    draft = parseDocument(await textOfFile(file, fixture(file)));
  });

  it('has the header, closing and clause tree of the .txt seed, with the appendix as one more part', () => {
    for (const field of ['kind', 'symbol', 'issuedOn', 'place', 'title', 'issuer', 'signer', 'references', 'recipients'] as const) {
      expect(draft[field], field).toEqual(seedDraft[field]);
    }
    expect(draft).toMatchObject({
      symbol: '19/KH-UBND',
      issuer: { name: 'Ủy ban nhân dân tỉnh Đắk Nông' },
      signer: { name: 'Hồ Văn Mười' },
    });
    expect(draft.recipients).toHaveLength(13);
    const topLevel = draft.clauses.map((clause) => clause.path);
    expect(topLevel.slice(0, -1)).toEqual(seedDraft.clauses.map((clause) => clause.path));
    expect(outline(draft.clauses.slice(0, -1))).toEqual(outline(seedDraft.clauses));
  });

  it('reads each row of the appendix table as a clause carrying its cells, and a task', () => {
    const appendix = draft.clauses.at(-1)!;
    expect(appendix.label).toBe('PHỤ LỤC');
    const rows = flatten([appendix]).filter((clause) => clause.table);
    expect(rows.map((row) => row.table)).toEqual([
      {
        columns: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
        cells: [
          '1',
          'Tổ chức quán triệt, phổ biến Quy định số 183-QĐ/TW đến cán bộ, công chức, viên chức',
          'Công an tỉnh',
          'Viện kiểm sát nhân dân tỉnh; Tòa án nhân dân tỉnh',
          'Quý I năm 2025',
        ],
      },
      expect.objectContaining({ cells: expect.arrayContaining(['2', 'Cục Thi hành án dân sự tỉnh; Sở Tư pháp', 'Trước ngày 30/6/2025']) }),
      expect.objectContaining({ cells: expect.arrayContaining(['3', 'Các Sở, Ban, ngành, đoàn thể']) }),
    ]);
    // The body's tasks as the .txt gives them, then one task per row, led by the "Cơ quan chủ trì" cell.
    expect(draft.tasks.slice(0, seedDraft.tasks.length)).toEqual(seedDraft.tasks);
    expect(draft.tasks.slice(seedDraft.tasks.length)).toEqual(
      rows.map((row) => expect.objectContaining({ clausePath: row.path, leads: ['Công an tỉnh'] })),
    );
  });
});

describe('a .pdf of plan 19/KH-UBND set in DejaVu Serif', () => {
  let text: string;
  let draft: DocumentDraft;
  beforeAll(async () => {
    text = await textOfFile(PDF, fixture(PDF));
    draft = parseDocument(text);
  });

  it('is a real PDF with its font embedded, and small', () => {
    const bytes = fixture(PDF);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.includes('/FontFile2')).toBe(true);
    expect(bytes.includes('DejaVuSerif')).toBe(true);
    for (const file of [PDF, DOCX, LAYOUT_DOCX]) expect(fixture(file).length, file).toBeLessThan(200 * 1024);
  });

  it('gives back the Vietnamese letters, with a blank line where the layout leaves a gap between paragraphs', () => {
    expect(text).toMatch(/^ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐẮK NÔNG\n\nĐộc lập - Tự do - Hạnh phúc\n\n/);
    expect(text).toContain('\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nhằm nâng cao nhận thức, trách nhiệm');
    expect(text).toContain('Đăk Nông, ngày 13 tháng 01 năm 2025');
    // The page wraps "183-QĐ/TW" after its hyphen and after its slash; the symbol must come back whole.
    expect(text).not.toMatch(/183-\n|QĐ\/\n/);
  });

  it('parses to the seed’s symbol, date, title, top-level parts and clauses', () => {
    expect(draft).toMatchObject({ kind: 'PLAN', symbol: '19/KH-UBND', issuedOn: '2025-01-13', place: 'Đăk Nông' });
    expect(draft.title).toBe(seedDraft.title);
    expect(draft.clauses.map((clause) => clause.label)).toEqual(seedDraft.clauses.map((clause) => clause.label));
    expect(draft.clauses.map((clause) => clause.label)).toEqual(['', 'I', 'II', 'III']);
    expect(outline(draft.clauses)).toEqual(outline(seedDraft.clauses));
    expect(draft.references).toEqual(seedDraft.references);
    expect(draft.signer).toEqual({ name: 'Hồ Văn Mười', title: 'Chủ tịch' });
  });
});

describe('plain text', () => {
  it('takes UTF-8 with or without a byte order mark, and Notepad’s UTF-16', async () => {
    const words = 'Kế hoạch số 19/KH-UBND';
    expect(await textOfFile('a.txt', Buffer.from(words))).toBe(words);
    expect(await textOfFile('a.TXT', Buffer.from(`\uFEFF${words}`))).toBe(words);
    expect(await textOfFile('a.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(words, 'utf16le')]))).toBe(words);
  });
});

describe('files that cannot be imported', () => {
  it('names the types it reads when the extension is another', async () => {
    const odt = await rejection('ke-hoach.odt', Buffer.from('PK\u0003\u0004'));
    expect(odt.message).toMatch(
      /"ke-hoach\.odt" cannot be imported: \.odt files are not read\. Save the document as \.docx, \.pdf or \.txt/,
    );
    expect((await rejection('ke-hoach.doc', Buffer.from('x'))).message).toMatch(
      /old Word 97-2003 \.doc files are not read\. Save .* as \.docx/,
    );
    expect((await rejection('ke-hoach', Buffer.from('x'))).message).toMatch(/files without an extension are not read/);
  });

  it('turns away a damaged .docx, a zip that is not a Word document, and a .doc in disguise', async () => {
    const docx = fixture(DOCX);
    const truncated = await rejection('ke-hoach.docx', docx.subarray(0, docx.length >> 1));
    expect(truncated.message).toMatch(
      /^"ke-hoach\.docx" is not a readable \.docx file \(.+\): .*open it in Word and save it again as \.docx/,
    );
    expect(truncated.details).toEqual({ argument: 'file' });

    const zip = await new JSZip().file('notes.txt', 'không phải Word').generateAsync({ type: 'nodebuffer' });
    expect((await rejection('notes.docx', zip)).message).toMatch(/not a readable \.docx file \(Could not find main document part\.\)/);

    const ole2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    expect((await rejection('old.docx', ole2)).message).toMatch(
      /Word 97-2003 \.doc file or a password-protected \.docx: .*save it as "Word Document \(\.docx\)"/,
    );
  });

  it('turns away a damaged PDF, a web page saved as .pdf, a locked PDF and a scan without text', async () => {
    const pdf = fixture(PDF);
    const truncated = await rejection('ke-hoach.pdf', pdf.subarray(0, pdf.length >> 1));
    expect(truncated.message).toMatch(/^"ke-hoach\.pdf" is not a readable PDF \(Invalid PDF structure\.\): .*download or export it again/);

    const page = Buffer.from('<!DOCTYPE html><html><body>404 Not Found</body></html>');
    expect((await rejection('ke-hoach.pdf', page)).message).toMatch(/is not a readable PDF/);

    const locked = await pdfkitFile({ userPassword: 'mat-khau', pdfVersion: '1.7' }, (doc) => doc.text('Ke hoach'));
    expect((await rejection('locked.pdf', locked)).message).toMatch(/protected by a password: save a copy without the password/);

    const scan = await pdfkitFile({}, (doc) => doc.rect(72, 72, 300, 400).fill('#777'));
    expect((await rejection('scan.pdf', scan)).message).toMatch(/has no text layer; it is probably a scan: run text recognition \(OCR\)/);
  });

  it('turns away text in a legacy Vietnamese encoding, and an empty file', async () => {
    // "Kế hoạch" in Windows-1258: ê (EA), then the combining acute (EC) and dot below (F2), none of them UTF-8.
    const cp1258 = Buffer.from([0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0x61, 0xf2, 0x63, 0x68]);
    expect((await rejection('ke-hoach.txt', cp1258)).message).toMatch(/is not UTF-8 text .*save it again with the encoding UTF-8/);
    expect((await rejection('empty.txt', Buffer.from(' \n'))).message).toMatch(/is empty/);
  });
});
