// npm run fixtures:import: writes the .docx and .pdf that test/importer/file-import.test.ts reads, from a seed text.
// The files are committed, so the tests need neither this script nor its fonts; run it again only to change them.
// The PDF embeds DejaVu Serif (regular and bold), a font with every Vietnamese letter: on Debian, `apt-get install
// fonts-dejavu-core`, or point DEJAVU_DIR at a folder holding DejaVuSerif.ttf and DejaVuSerif-Bold.ttf.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'importer', 'fixtures');
export const SEED = join(ROOT, 'server', 'demo', 'seeds', 'dak-nong-kh-19-2025-quy-dinh-183.txt');
export const DOCX_FIXTURE = join(FIXTURES, 'dak-nong-kh-19-2025-phu-luc.docx');
export const LAYOUT_DOCX_FIXTURE = join(FIXTURES, 'dak-nong-kh-19-2025-bang-bo-cuc.docx');
export const PDF_FIXTURE = join(FIXTURES, 'dak-nong-kh-19-2025.pdf');

// A fixed date keeps the zip entries and the PDF's info the same from one run to the next.
const FIXED_DATE = new Date('2025-01-13T00:00:00Z');

/** The appendix the .docx adds after the seed: a task table of the kind provincial plans attach. */
export const APPENDIX = {
  heading: ['PHỤ LỤC', 'DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN QUY ĐỊNH SỐ 183-QĐ/TW'],
  note: '(Kèm theo Kế hoạch số 19/KH-UBND ngày 13/01/2025 của Ủy ban nhân dân tỉnh)',
  columns: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
  // A cell may hold several Word paragraphs; the text joins them with a space.
  rows: [
    [
      ['1'],
      ['Tổ chức quán triệt, phổ biến Quy định số 183-QĐ/TW đến cán bộ, công chức, viên chức'],
      ['Công an tỉnh'],
      ['Viện kiểm sát nhân dân tỉnh;', 'Tòa án nhân dân tỉnh'],
      ['Quý I năm 2025'],
    ],
    [
      ['2'],
      ['Rà soát, bổ sung quy chế phối hợp bảo vệ người thi hành công vụ trong hoạt động tố tụng, thi hành án'],
      ['Công an tỉnh'],
      ['Cục Thi hành án dân sự tỉnh;', 'Sở Tư pháp'],
      ['Trước ngày 30/6/2025'],
    ],
    [
      ['3'],
      ['Sơ kết, báo cáo kết quả thực hiện Kế hoạch về Ủy ban nhân dân tỉnh'],
      ['Công an tỉnh'],
      ['Các Sở, Ban, ngành, đoàn thể'],
      ['Trước ngày 15/12 hằng năm'],
    ],
  ],
};

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A line break inside the paragraph before this run. */
  breakBefore: boolean;
}

/** A seed block ("**bold**", "*italic*", lines kept) as runs, so the file carries formatting and no asterisks. */
function runsOf(block: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  block.split('\n').forEach((line, index) => {
    let breakBefore = index > 0;
    for (const token of line.split(/(\*\*|\*)/)) {
      if (token === '**') bold = !bold;
      else if (token === '*') italic = !italic;
      else if (token) {
        runs.push({ text: token, bold, italic, breakBefore });
        breakBefore = false;
      }
    }
    if (breakBefore) runs.push({ text: '', bold, italic, breakBefore });
  });
  return runs;
}

/** The seed's paragraphs: blocks between blank lines, their inner line breaks kept. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ''))
    .filter((block) => block.trim());
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function wordRuns(runs: Run[]): string {
  return runs
    .map((run) => {
      const properties = `${run.bold ? '<w:b/>' : ''}${run.italic ? '<w:i/>' : ''}`;
      const rPr = `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>${properties}<w:sz w:val="28"/></w:rPr>`;
      const text = run.text ? `<w:t xml:space="preserve">${xml(run.text)}</w:t>` : '';
      return `<w:r>${rPr}${run.breakBefore ? '<w:br/>' : ''}${text}</w:r>`;
    })
    .join('');
}

type Align = 'both' | 'center' | 'left';

function wordParagraph(runs: Run[], align: Align = 'both'): string {
  return `<w:p><w:pPr><w:spacing w:after="120"/><w:jc w:val="${align}"/></w:pPr>${wordRuns(runs)}</w:p>`;
}

const plain = (text: string, bold = false, italic = false): Run[] => [{ text, bold, italic, breakBefore: false }];

interface TableOptions {
  /** Column widths in twentieths of a point. */
  widths: number[];
  /** Ruled like a task table; false for a layout table, which Word shows without lines. */
  ruled: boolean;
  /** The first row is the column header, repeated on each page. */
  headerRow: boolean;
}

/** Rows of cells, each cell its paragraphs. */
function wordTable(rows: string[][][], options: TableOptions): string {
  const border = (side: string) => `<w:${side} w:val="${options.ruled ? 'single' : 'nil'}" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
  const cell = (paragraphs: string[], index: number, header: boolean) => {
    const align: Align = header || (options.ruled && index === 0) || !options.ruled ? 'center' : 'left';
    return (
      `<w:tc><w:tcPr><w:tcW w:w="${options.widths[index]}" w:type="dxa"/></w:tcPr>` +
      paragraphs.map((text) => wordParagraph(plain(text, header), align)).join('') +
      '</w:tc>'
    );
  };
  const xmlRows = rows.map((row, number) => {
    const header = options.headerRow && number === 0;
    // tblHeader marks the row Word repeats on each page; mammoth turns its cells into <th>.
    return `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${row.map((paragraphs, index) => cell(paragraphs, index, header)).join('')}</w:tr>`;
  });
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${options.widths.reduce((a, b) => a + b)}" w:type="dxa"/>${borders}</w:tblPr>` +
    `<w:tblGrid>${options.widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>${xmlRows.join('')}</w:tbl>`
  );
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function appendix(): string[] {
  return [
    // The appendix starts a page of its own, after the signature, as in the printed plans.
    '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
    ...APPENDIX.heading.map((line) => wordParagraph(plain(line, true), 'center')),
    wordParagraph(plain(APPENDIX.note, false, true), 'center'),
    wordTable([APPENDIX.columns.map((column) => [column]), ...APPENDIX.rows], {
      widths: [700, 3300, 1800, 2200, 1700],
      ruled: true,
      headerRow: true,
    }),
  ];
}

/**
 * The seed as offices lay such a plan out in Word: the header in a two-column table without lines (issuer and number
 * on the left, national motto and date on the right), the closing likewise (Nơi nhận on the left, the signer on the
 * right), the body in paragraphs between them.
 */
function laidOutInTables(seedText: string): string[] {
  const blocks = paragraphsOf(seedText);
  const bodyStart = blocks.findIndex((block) => block.replace(/\*/g, '') === 'KẾ HOẠCH');
  const closingStart = blocks.findIndex((block) => /^N[oơ]i nhận:/.test(block));
  if (bodyStart < 0 || closingStart < 0) throw new Error('the seed no longer has its KẾ HOẠCH title or its Nơi nhận list');
  const recipients = blocks[closingStart + 1].split('\n');
  const columns = { widths: [4200, 5500], ruled: false, headerRow: false };
  return [
    wordTable(
      [
        [
          ['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK NÔNG', 'Số: 19/KH-UBND'],
          ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Đăk Nông, ngày 13 tháng 01 năm 2025'],
        ],
      ],
      columns,
    ),
    ...blocks.slice(bodyStart, closingStart).map((block) => wordParagraph(runsOf(block))),
    // The seed's "Noi nhận" typo is kept, so the two files say the same.
    wordTable(
      [
        [
          [blocks[closingStart], ...recipients],
          ['CHỦ TỊCH', '', '', 'Hồ Văn Mười'],
        ],
      ],
      columns,
    ),
  ];
}

/**
 * A .docx as Word writes one, reduced to the parts Word and mammoth need: the seed (its paragraphs as Word paragraphs,
 * or laid out with header and closing tables), then an appendix with a task table.
 */
export async function makeDocx(seedText: string, layout: 'paragraphs' | 'tables' = 'paragraphs'): Promise<Buffer> {
  const body = [
    ...(layout === 'tables' ? laidOutInTables(seedText) : paragraphsOf(seedText).map((block) => wordParagraph(runsOf(block)))),
    ...appendix(),
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr>',
  ].join('');
  const zip = new JSZip();
  const add = (path: string, content: string) =>
    zip.file(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${content}`, { date: FIXED_DATE, createFolders: false });
  add(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  add(
    '_rels/.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  add('word/document.xml', `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function dejaVu(file: string): string {
  const dirs = [process.env.DEJAVU_DIR, '/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];
  const found = dirs.filter((dir): dir is string => Boolean(dir)).map((dir) => join(dir, file));
  const path = found.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(
      `${file} not found in ${found.join(', ')}. The PDF fixture needs DejaVu Serif for its Vietnamese letters: ` +
        'apt-get install fonts-dejavu-core, or set DEJAVU_DIR to a folder that has it.',
    );
  }
  return path;
}

/** An A4 PDF of the seed as a word processor prints it: justified paragraphs, bold header lines, the font embedded. */
export async function makePdf(seedText: string): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 57, bottom: 57, left: 85, right: 57 },
    info: { Title: 'Kế hoạch 19/KH-UBND', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
    // Only the glyphs used go into the file, which keeps it small.
    font: dejaVu('DejaVuSerif.ttf'),
  });
  pdf.registerFont('regular', dejaVu('DejaVuSerif.ttf'));
  pdf.registerFont('bold', dejaVu('DejaVuSerif-Bold.ttf'));
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  for (const block of paragraphsOf(seedText)) {
    const runs = runsOf(block).filter((run) => run.text);
    runs.forEach((run, index) => {
      // A line of the seed ends where the next run starts a new one; pdfkit wraps the rest.
      const lineEnds = index === runs.length - 1 || runs[index + 1].breakBefore;
      pdf.font(run.bold ? 'bold' : 'regular', 11.5).text(run.text, { align: 'justify', continued: !lineEnds });
    });
    pdf.moveDown(0.5);
  }
  pdf.end();
  return done;
}

async function main(): Promise<void> {
  const seedText = await readFile(SEED, 'utf8');
  for (const [path, make] of [
    [DOCX_FIXTURE, () => makeDocx(seedText)],
    [LAYOUT_DOCX_FIXTURE, () => makeDocx(seedText, 'tables')],
    [PDF_FIXTURE, () => makePdf(seedText)],
  ] as const) {
    const content = await make();
    await writeFile(path, content);
    console.log(`${path}: ${(content.length / 1024).toFixed(1)} KB`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
