// The text of an uploaded document: .txt as it is, .docx through mammoth (tables kept as pipe rows), .pdf through pdf.js.
// The text follows the conventions of the .txt seeds the parser is written against: a blank line between paragraphs,
// a table as consecutive "| cell | cell |" rows.
import { dirname, join, sep } from 'node:path';

import { BadInputError } from '../../errors';

export const SUPPORTED_FILE_TYPES = ['.txt', '.docx', '.pdf'] as const;

const RESAVE = 'Save the document as .docx, .pdf or .txt (UTF-8) and import that file';

function decodeEntities(html: string): string {
  return html
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_entity, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_entity, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

/** A table cell's paragraphs and line breaks on one line, since a row must stay one line. */
function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(p|li|h[1-6])>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// A table holding no other table: tables are rewritten from the inside out.
const INNERMOST_TABLE = /<table[^>]*>((?:(?!<table[\s>])[\s\S])*?)<\/table>/;

/**
 * A table as paragraphs again. A task table becomes "| cell | cell |" rows, one a line. A table of at most two
 * columns is taken for layout, as Vietnamese documents set their header (issuer | national motto) and their closing
 * (Nơi nhận | signer): its cells become paragraphs, left column first, as the text reads in the .txt seeds.
 */
function tableAsParagraphs(table: string): string {
  const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[dh](?:\s[^>]*)?>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cell[1]),
  );
  if (rows.every((cells) => cells.length <= 2)) return rows.flat().join('');
  return `<p>${rows.map((cells) => `| ${cells.map(cellText).join(' | ')} |`).join('<br />')}</p>`;
}

/** mammoth's HTML as plain lines: paragraphs apart by a blank line, line breaks kept, table rows as "| cell | cell |". */
export function htmlToText(html: string): string {
  let flat = html;
  for (let table = INNERMOST_TABLE.exec(flat); table; table = INNERMOST_TABLE.exec(flat)) {
    flat = flat.slice(0, table.index) + tableAsParagraphs(table[1]) + flat.slice(table.index + table[0].length);
  }
  const text = flat
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|li|h[1-6])>/g, '\n\n')
    .replace(/<li[^>]*>/g, '- ')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function plainText(fileName: string, content: Buffer): string {
  // Notepad's "Unicode" is UTF-16 with a byte order mark.
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content);
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content);
  try {
    // fatal: a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) would otherwise come out as silent mojibake.
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new BadInputError(
      `"${fileName}" is not UTF-8 text (perhaps TCVN3, VNI or Windows-1258): save it again with the encoding UTF-8, ` +
        'or import the .docx or .pdf instead',
      { argument: 'file' },
    );
  }
}

/** A library's complaint, first sentence only: jszip's goes on with a link to its how-to, of no use to a clerk. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const sentence = /^[\s\S]*?[.?!](?=\s+[A-Z]|$)/.exec(message)?.[0] ?? message;
  return sentence.replace(/\s+([.?!])$/, '$1').trim();
}

// The signature of an OLE2 compound file: Word 97-2003 .doc, and also an encrypted (password-protected) .docx.
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function docxText(fileName: string, content: Buffer): Promise<string> {
  if (content.subarray(0, OLE2.length).equals(OLE2)) {
    throw new BadInputError(
      `"${fileName}" is an old Word 97-2003 .doc file or a password-protected .docx: open it in Word, remove any ` +
        'password, save it as "Word Document (.docx)" and import that file',
      { argument: 'file' },
    );
  }
  const mammoth = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: content })).value;
  } catch (error) {
    throw new BadInputError(
      `"${fileName}" is not a readable .docx file (${reason(error)}): it may be damaged or incompletely ` +
        'downloaded; open it in Word and save it again as .docx, or import a PDF of it',
      { argument: 'file' },
    );
  }
  return htmlToText(html);
}

interface PdfLine {
  text: string;
  /** Baseline of the line's first glyphs, in PDF units from the page's bottom; null for a line of spaces. */
  y: number | null;
}

/** The page's lines with a blank line where the gap to the next line is wider than the page's usual line pitch. */
function pageText(lines: PdfLine[]): string {
  const pitches: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const [above, below] = [lines[index - 1].y, lines[index].y];
    if (above !== null && below !== null && above > below) pitches.push(above - below);
  }
  pitches.sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)];
  const out: string[] = [];
  lines.forEach((line, index) => {
    const above = index > 0 ? lines[index - 1].y : null;
    // Word and its kin put "spacing after" between paragraphs: the only paragraph mark a PDF keeps.
    if (pitch && above !== null && line.y !== null && above - line.y > pitch * 1.3) out.push('');
    out.push(line.text);
  });
  return out.join('\n');
}

/**
 * Rejoins a symbol or date that the layout broke after a hyphen or slash ("183-" / "QĐ/TW", "183-QĐ/" / "TW"): the
 * parser joins wrapped lines with a space, which would cut the symbol in two.
 */
function joinBrokenSymbols(text: string): string {
  return text.replace(/([\p{L}\p{N}][-/])\n(?=[\p{L}\p{N}])/gu, '$1');
}

async function pdfText(fileName: string, content: Buffer): Promise<string> {
  // The legacy build is the one pdf.js supports on Node 20.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Fonts a PDF names without embedding (Times-Roman …) and CJK character maps, read from the package's own files.
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(content),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl: join(root, 'standard_fonts') + sep,
    cMapUrl: join(root, 'cmaps') + sep,
    cMapPacked: true,
    // Its warnings about odd but readable files would only clutter the server's log.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    if ((error as Error).name === 'PasswordException') {
      throw new BadInputError(`"${fileName}" is protected by a password: save a copy without the password and import that`, {
        argument: 'file',
      });
    }
    throw new BadInputError(
      `"${fileName}" is not a readable PDF (${reason(error)}): it may be damaged, incompletely downloaded or ` +
        'not a PDF at all; download or export it again, or import the .docx',
      { argument: 'file' },
    );
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { items } = await page.getTextContent();
      const lines: PdfLine[] = [];
      let line: PdfLine = { text: '', y: null };
      for (const item of items) {
        if (!('str' in item)) continue;
        if (line.y === null && item.str.trim()) line.y = item.transform[5];
        line.text += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = { text: '', y: null };
        }
      }
      if (line.text) lines.push(line);
      pages.push(pageText(lines));
      page.cleanup();
    }
    // A page break says nothing about paragraphs: most fall in the middle of one.
    return joinBrokenSymbols(pages.join('\n'));
  } finally {
    await document.destroy();
  }
}

/** The document's text from a file's name and bytes; an unknown type or an unreadable file answers BAD_USER_INPUT. */
export async function textOfFile(fileName: string, content: Buffer): Promise<string> {
  const extension = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  let text: string;
  if (extension === '.txt') text = plainText(fileName, content);
  else if (extension === '.docx') text = await docxText(fileName, content);
  else if (extension === '.pdf') text = await pdfText(fileName, content);
  else {
    const what = extension === '.doc' ? 'old Word 97-2003 .doc files' : extension ? `${extension} files` : 'files without an extension';
    throw new BadInputError(`"${fileName}" cannot be imported: ${what} are not read. ${RESAVE}`, { argument: 'file' });
  }
  if (!text.trim()) {
    const why = {
      '.txt': 'is empty: check that you chose the right file',
      '.docx': 'holds no text; if its pages are pictures, import the original document instead',
      '.pdf': 'has no text layer; it is probably a scan: run text recognition (OCR) on it, or import the .docx',
    }[extension];
    throw new BadInputError(`"${fileName}" ${why}`, { argument: 'file' });
  }
  return text.replace(/^\uFEFF/, '');
}
