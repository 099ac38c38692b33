// Text as the parser reads it: one Unicode form, no markdown emphasis, no page numbers, hard-wrapped lines kept
// apart (joining them back needs to know where clauses start, which the clause reader decides).

/** A line of the source with what the readers need to know about its surroundings. */
export interface SourceLine {
  text: string;
  /** A blank line stood before it: in a text with hard-wrapped lines, often (not always) a paragraph break. */
  afterBlank: boolean;
  /** A table row ("| a | b |"), its cells. */
  cells: string[] | null;
}

// Characters that only style the text in the exports we receive (markdown, Word's spaces of various widths).
const ODD_SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;

/** "**KẾ HOẠCH**" → "KẾ HOẠCH"; "CHỈ THỊ**về" → "CHỈ THỊ về" (the emphasis was the only separator); "*" bullets stay. */
export function stripEmphasis(line: string): string {
  return line
    .replace(/(\p{L})\*+(?=\p{L})/gu, '$1 ')
    .replace(/^(\s*)\*(?=\s)/u, '$1\u0000')
    .replace(/\*+/g, '')
    .replace(/\u0000/g, '*')
    .replace(/__(.+?)__/g, '$1');
}

const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;
/** A page number on a line of its own: "3", "- 3 -", "Trang 3", "3/12". */
// Not "183-": a symbol cut at the line's end.
const PAGE_NUMBER = /^(?:[-–]\s*\d{1,3}\s*[-–]|(?:Trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;

export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let afterBlank = true;
  for (const raw of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(ODD_SPACES, ' ').split('\n')) {
    const line = stripEmphasis(raw)
      .replace(/[ \t]+/g, ' ')
      .trim();
    if (!line || TABLE_RULE.test(line) || PAGE_NUMBER.test(line)) {
      afterBlank = afterBlank || !line || PAGE_NUMBER.test(line);
      continue;
    }
    const cells = /^\|.*\|$/.test(line)
      ? line
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim())
      : null;
    lines.push({ text: cells ? cells.join(' | ') : line, afterBlank, cells });
    afterBlank = false;
  }
  return lines;
}

/** Words as the "nothing lost" check counts them: runs of letters and digits holding at least one letter. */
export function wordsOf(text: string): string[] {
  return (stripEmphasis(text.normalize('NFC')).match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => /\p{L}/u.test(word));
}

/** "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG": a line printed in capitals (headers, part headings, signer titles). */
export function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi') && letters !== letters.toLocaleLowerCase('vi');
}

// Words that keep their capitals when a printed heading is set in sentence case.
const KEEP_UPPER = /^(?:UBND|HĐND|MTTQ|MTTQVN|UBMTTQ|BCĐ|TW|TM\.|KT\.|T\/M|TL\.|TUQ\.|Q\.|CP|ANTT|ANTQ|[IVXLC]+\.?)$/u;
// Titles and bodies whose capitals survive in running text ("Phó Chủ tịch", "Ban Thường vụ Tỉnh ủy").
const PROPER_PHRASES: [RegExp, string][] = [
  [/(?<!\p{L})chủ tịch(?!\p{L})/gu, 'Chủ tịch'],
  [/(?<!\p{L})bí thư(?!\p{L})/gu, 'Bí thư'],
  [/(?<!\p{L})ban thường vụ(?!\p{L})/gu, 'Ban Thường vụ'],
  [/(?<!\p{L})ban chỉ đạo(?!\p{L})/gu, 'Ban Chỉ đạo'],
  [/(?<!\p{L})(tỉnh|thành|huyện|quận|đảng) (ủy|uỷ)(?!\p{L})/gu, '\u0001$1 $2'],
  [/(?<!\p{L})bộ chính trị(?!\p{L})/gu, 'Bộ Chính trị'],
  [/(?<!\p{L})ban bí thư(?!\p{L})/gu, 'Ban Bí thư'],
  [/(?<!\p{L})chính phủ(?!\p{L})/gu, 'Chính phủ'],
  [/(?<!\p{L})trung ương(?!\p{L})/gu, 'Trung ương'],
  [/(?<!\p{L})mặt trận tổ quốc(?!\p{L})/gu, 'Mặt trận Tổ quốc'],
];
// After these words comes a proper name, printed in capitals in headers: "TỈNH ĐẮK NÔNG" → "tỉnh Đắk Nông".
const BEFORE_PROPER_NAME =
  /(?<!\p{L})(?:(?:tỉnh|thành|huyện|quận|đảng) (?:ủy|uỷ)|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?!\p{L})/giu;
/** Who signs for whom: "TM." (on behalf of), "KT." (deputising), "TL.", "TUQ.", "Q." (acting). */
const SIGNING_PREFIX = /^(?:TM\.|T\/M|KT\.|TL\.|TUQ\.|Q\.)$/u;

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
}

/**
 * A capitals line as a person writes it: "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG" → "Ủy ban nhân dân tỉnh Đắk Nông",
 * "PHÓ CHỦ TỊCH UBND TỈNH" → "Phó Chủ tịch UBND tỉnh", "TỈNH ỦY GIA LAI" → "Tỉnh ủy Gia Lai". Lines that are not in
 * capitals are returned as they are.
 */
export function sentenceCase(text: string): string {
  if (!isCapitals(text)) return text;
  const kept = text.split(' ').map((word) => (KEEP_UPPER.test(word) ? word : word.toLocaleLowerCase('vi')));
  let line = kept.join(' ');
  for (const [pattern, replacement] of PROPER_PHRASES) line = line.replace(pattern, replacement);
  line = line.replace(/\u0001(\p{L})/gu, (_all, letter: string) => letter.toLocaleUpperCase('vi'));
  // The proper name runs from the last locality word to the end of the line.
  const last = [...line.matchAll(BEFORE_PROPER_NAME)].at(-1);
  if (last) {
    const end = (last.index ?? 0) + last[0].length;
    line = line.slice(0, end) + line.slice(end).replace(/(?<!\p{L})\p{Ll}/gu, (letter) => letter.toLocaleUpperCase('vi'));
  }
  // The first word after the signing prefix ("TM. Ủy ban nhân dân") begins the sentence.
  const words = line.split(' ');
  const first = words.findIndex((word) => !SIGNING_PREFIX.test(word));
  if (first >= 0) words[first] = capitalise(words[first]);
  return words.join(' ');
}
