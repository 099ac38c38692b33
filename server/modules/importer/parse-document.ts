// A directive document's text → a structured draft: header (Decree 30/2020/NĐ-CP and Party guidance 36-HD/VPTW fix its
// parts), references, clause tree, tasks, recipients and signer. Whatever cannot be placed is kept in `unplaced`.
import { DocumentKind } from '../document/document.enums';
import type { DocumentDraft, DraftRecipient, DraftReference } from './draft';
import { extractTasks } from './extract-tasks';
import { isCapitals, sentenceCase, type SourceLine, sourceLines } from './normalise-text';
import { agencyStartsAt, readHeadingAssignment } from './parse-agencies';
import { type Block, clauseTreeBuilder, flattenClauses, joinLines, readLabel } from './parse-clauses';
import { isoDate, kindOfSymbol, mergeReferences, referencesIn } from './parse-references';

/** The title word of each kind, as printed above the trích yếu. */
const TITLE_WORDS: [RegExp, DocumentKind | 'QĐ'][] = [
  [/^KẾ HOẠCH/u, DocumentKind.PLAN],
  [/^CHỈ THỊ/u, DocumentKind.DIRECTIVE],
  [/^QUYẾT ĐỊNH/u, DocumentKind.DECISION],
  [/^QUY ĐỊNH/u, DocumentKind.REGULATION],
  [/^QUY CHẾ/u, DocumentKind.REGULATION],
  [/^NGHỊ QUYẾT/u, DocumentKind.RESOLUTION],
  [/^NGHỊ ĐỊNH/u, DocumentKind.DECREE],
  [/^THÔNG TƯ(?: LIÊN TỊCH)?/u, DocumentKind.CIRCULAR],
  [/^KẾT LUẬN/u, DocumentKind.CONCLUSION],
  [/^HƯỚNG DẪN/u, DocumentKind.GUIDANCE],
  [/^CHƯƠNG TRÌNH/u, DocumentKind.PROGRAM],
  [/^ĐỀ ÁN/u, DocumentKind.PROGRAM],
  [/^THÔNG BÁO/u, DocumentKind.OFFICIAL_LETTER],
  [/^CÔNG VĂN/u, DocumentKind.OFFICIAL_LETTER],
  [/^CÔNG ĐIỆN/u, DocumentKind.OFFICIAL_LETTER],
  [/^LUẬT/u, DocumentKind.LAW],
];

/** The national and Party mottos every header carries: recognised and set aside, not part of any field. */
export const BOILERPLATE = [
  /CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/giu,
  /CỘNG\s+HOÀ\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/giu,
  /Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/giu,
  /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/gu,
];

/** Words that open the preamble or the body right after the title. */
const BODY_OPENING =
  /^(?:Căn cứ|Thực hiện|Triển khai thực hiện|Ngày\s+\d|Để\s|Nhằm\s|Theo\s|Trên cơ sở|Xét\s|Kính gửi|Thời gian qua|Trong (?:những )?năm|Qua\s|Hiện nay|Thi hành)/u;

function titleWordOf(text: string): { kind: DocumentKind | 'QĐ'; word: string } | null {
  for (const [pattern, kind] of TITLE_WORDS) {
    const match = pattern.exec(text);
    if (match && !/^\p{L}/u.test(text.slice(match[0].length))) return { kind, word: match[0] };
  }
  return null;
}

const RECEIVERS = /^N[oơ]i\s+nh[aậ]n\s*:?\s*/iu;
/** The body's last sentence ends with "./." (Decree 30); what follows is the closing. */
const BODY_END = /\.\/\.?(?:\S{0,12})?$/u;

interface Zones {
  header: SourceLine[];
  titleWord: { kind: DocumentKind | 'QĐ'; word: string } | null;
  title: string[];
  body: SourceLine[];
  closing: SourceLine[];
  /** After the closing: an attached plan or an appendix (header lines and body). */
  attachments: { heading: string[]; label: string; body: SourceLine[] }[];
}

function isKindLine(line: SourceLine): boolean {
  return isCapitals(line.text.split(/\s+(?=\p{Ll})/u)[0]) && titleWordOf(line.text) !== null;
}

function isAppendixLine(line: SourceLine): boolean {
  return readLabel(line.text)?.type === 'APPENDIX';
}

/** Splits the lines into header, title, body, closing and attachments. */
function zonesOf(lines: SourceLine[]): Zones {
  const zones: Zones = { header: [], titleWord: null, title: [], body: [], closing: [], attachments: [] };
  // The title word stands before the body; a document without one (a letter) begins its body at the first label.
  const firstBody = lines.findIndex(
    (line, index) => index > 0 && (readLabel(line.text)?.type === 'PART' || readLabel(line.text)?.type === 'ARTICLE'),
  );
  const searchEnd = firstBody < 0 ? Math.min(lines.length, 30) : firstBody;
  let at = lines.slice(0, searchEnd).findIndex((line) => isKindLine(line) && !BODY_OPENING.test(line.text));
  if (at >= 0) {
    zones.header = lines.slice(0, at);
    zones.titleWord = titleWordOf(lines[at].text);
    const rest = lines[at].text.slice(zones.titleWord!.word.length).trim();
    if (rest) zones.title.push(rest);
    at++;
    // The trích yếu: lines up to the preamble or the first clause, at most a few; its first line may begin like a
    // preamble ("Triển khai thực hiện Quy định …").
    while (at < lines.length && (zones.title.length === 0 || !BODY_OPENING.test(lines[at].text)) && !readLabel(lines[at].text)) {
      const line = lines[at];
      if (zones.title.length && line.afterBlank && /^\p{Lu}/u.test(line.text) && !isCapitals(line.text) && !/^\(/.test(line.text)) break;
      if (zones.title.length >= 6) break;
      // "ỦY BAN NHÂN DÂN TỈNH …" under a decision's title names the authority that decides: the preamble's first line.
      if (zones.title.length && isCapitals(line.text) && !isCapitals(zones.title.join(' '))) break;
      zones.title.push(line.text);
      at++;
    }
  } else {
    // A letter: "V/v …" is its trích yếu; everything before the first paragraph of text is its header.
    at = lines.findIndex((line) => readLabel(line.text) || BODY_OPENING.test(line.text) || /^Kính gửi/u.test(line.text));
    if (at < 0) at = 0;
    zones.header = lines.slice(0, at);
    const about = zones.header.findIndex((line) => /^V\/v\s/u.test(line.text));
    if (about >= 0) {
      zones.title.push(zones.header[about].text.replace(/^V\/v\s+/u, ''));
      zones.header.splice(about, 1);
    }
  }

  let target = zones.body;
  let inClosing = false;
  for (let index = at; index < lines.length; index++) {
    const line = lines[index];
    if (!inClosing && (RECEIVERS.test(line.text) || (index > at && BODY_END.test(lines[index - 1].text) && /^[-+]/.test(line.text)))) {
      inClosing = true;
      target = zones.closing;
    } else if (inClosing && (isKindLine(line) || isAppendixLine(line)) && !RECEIVERS.test(line.text)) {
      // A plan issued with a decision, or an appendix: its own title, then a body of its own.
      inClosing = false;
      const attachment = { heading: [line.text], label: isAppendixLine(line) ? readLabel(line.text)!.label : '', body: [] as SourceLine[] };
      if (attachment.label) attachment.heading = [readLabel(line.text)!.rest].filter(Boolean);
      while (
        index + 1 < lines.length &&
        !readLabel(lines[index + 1].text) &&
        !BODY_OPENING.test(lines[index + 1].text) &&
        attachment.heading.length < 6
      ) {
        const next = lines[index + 1];
        if (!(isCapitals(next.text) || /^\(/.test(next.text) || /^\p{Ll}/u.test(next.text))) break;
        attachment.heading.push(next.text);
        index++;
      }
      zones.attachments.push(attachment);
      target = attachment.body;
      continue;
    } else if (!inClosing && zones.attachments.length && RECEIVERS.test(line.text)) {
      inClosing = true;
      target = zones.closing;
    }
    target.push(line);
  }
  return zones;
}

export interface HeaderReading {
  issuer: string | null;
  /** Bodies named above the issuer ("ĐẢNG BỘ TỈNH …", "UBND TỈNH …" over a department). */
  superior: string[];
  symbol: string | null;
  place: string | null;
  issuedOn: string | null;
  /** The date line was found but left blank (an unsigned copy). */
  blankDate: boolean;
  unplaced: string[];
}

const LOCALITY_START = /^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)(?![\p{L}])(?!\s+(?:ỦY|UỶ)(?![\p{L}]))/u;
const PLACE_DATE = /(?:^|\s)([\p{Lu}][\p{L}.' -]{1,40}?)\s*,\s*ngày\s*([\d.…]*)\s*tháng\s*([\d.…]*)\s*năm\s*(\d{4})/u;

export function readHeader(lines: SourceLine[]): HeaderReading {
  const reading: HeaderReading = { issuer: null, superior: [], symbol: null, place: null, issuedOn: null, blankDate: false, unplaced: [] };
  const names: string[] = [];
  for (const line of lines) {
    let text = line.text;
    for (const pattern of BOILERPLATE) text = text.replace(pattern, ' ');
    const date = PLACE_DATE.exec(text);
    if (date) {
      reading.place = date[1].trim();
      reading.issuedOn = isoDate(date[2], date[3], date[4]);
      reading.blankDate = reading.issuedOn === null;
      text = text.replace(date[0], ' ');
    }
    const symbol = /(?:^|\s)Số\s*:?\s*(\d*\s*[/-]?\s*[\p{L}\p{N}]+(?:\s*[/-]\s*[\p{L}\p{N}]+)*)/u.exec(text);
    if (symbol) {
      reading.symbol = symbol[1].replace(/\s+/g, '');
      text = text.replace(symbol[0], ' ');
    }
    text = text.replace(/^[\s*\-–_]+|[\s*\-–_]+$/g, '').replace(/\s+/g, ' ');
    if (!text) continue;
    if (isCapitals(text)) {
      // "ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK NÔNG": one name printed over two lines.
      if (names.length && LOCALITY_START.test(text)) names[names.length - 1] += ` ${text}`;
      else names.push(text);
    } else {
      reading.unplaced.push(text);
    }
  }
  if (names.length) {
    reading.issuer = sentenceCase(names.at(-1)!);
    reading.superior = names.slice(0, -1).map(sentenceCase);
  }
  return reading;
}

/** The body that issues the document, when no header names it: "…, UBND tỉnh xây dựng Kế hoạch …". */
function issuerFromBody(preamble: string): { name: string; aliases: string[] } | null {
  let found: { name: string; aliases: string[] } | null = null;
  for (const sentence of preamble.split(/[.;:]\s+/u)) {
    const match =
      /^(.*?\S)\s+(?:ban hành|xây dựng|yêu cầu|chỉ thị|hướng dẫn)\s+(?:[Kk]ế hoạch|[Cc]hỉ thị|[Qq]uy định|[Hh]ướng dẫn|[Cc]hương trình|các|toàn thể)(?![\p{L}])/u.exec(
        sentence,
      );
    if (!match) continue;
    // The subject is the last clause of the sentence that begins with a capital: "Thực hiện …, UBND tỉnh".
    const parts = match[1].split(/,\s+(?=\p{Lu})/u);
    const subject = parts.at(-1)!;
    // "(viết gọn là Ban Chỉ đạo 138 tỉnh)": the short name the rest of the text uses for the issuer.
    const short = SHORT_NAME.exec(subject);
    const name = subject.replace(SHORT_NAME, '').trim();
    if (agencyStartsAt(name, 0) || /^(?:UBND|Ủy ban|Uỷ ban|Ban|Thường trực|Tỉnh ủy|Thành ủy|Huyện ủy)/u.test(name)) {
      found = { name, aliases: short ? [short[1].trim()] : [] };
    }
  }
  return found;
}

const SHORT_NAME = /\s*\((?:viết gọn|viết tắt|sau đây gọi tắt|sau đây gọi|gọi tắt) là\s+([^)]+)\)/u;

/** The province or city the body names most ("tỉnh Tuyên Quang", "Báo Vĩnh Phúc"), for an issuer without one. */
function localityFromText(text: string): { name: string; evidence: string } | null {
  const counts = new Map<string, { count: number; evidence: string }>();
  const pattern = /(?<![\p{L}])(tỉnh|thành phố|Báo|[Tt]ruyền hình)\s+((?:\p{Lu}\p{Ll}+)(?:\s\p{Lu}\p{Ll}+){0,2})(?![\p{L}])/gu;
  for (const match of text.matchAll(pattern)) {
    const name = match[2];
    if (/^(?:Việt|Nam|Ủy|Uỷ|Công|Ban|Sở|Tỉnh|Thành|Nhân|Chỉ|Kế|Quy|Bộ|Nhà|Đảng|Chính|Trung|Mặt|Quốc)$/u.test(name.split(' ')[0])) continue;
    const known = counts.get(name) ?? { count: 0, evidence: match[0] };
    known.count++;
    counts.set(name, known);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  return best ? { name: best[0], evidence: best[1].evidence } : null;
}

const SIGNING = /^(?:TM\.|T\/M|KT\.|TL\.|TUQ\.|Q\.)\s*/u;
const PURPOSE = /\s*\((?:để\s+)?(báo cáo|b\/c|thực hiện|t\/h|biết|để biết|phối hợp|chỉ đạo|theo dõi|chỉ đạo thực hiện)\)\s*[;,.]?$/iu;
const PERSON_NAME = /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;

export interface ClosingReading {
  recipients: DraftRecipient[];
  signer: { name: string | null; title: string | null } | null;
  unplaced: string[];
  warnings: string[];
}

/** "Nơi nhận:" with its list, then the signer block (TM./KT., titles in capitals, the name). */
export function readClosing(lines: SourceLine[]): ClosingReading {
  const reading: ClosingReading = { recipients: [], signer: null, unplaced: [], warnings: [] };
  const titles: string[] = [];
  let name: string | null = null;
  for (const line of lines) {
    let text = line.text.replace(RECEIVERS, '').trim();
    if (!text) continue;
    if (/^\((?:đã ký|Đã ký|ký|Ký)[^)]*\)$/u.test(text) || /^(?:Đã ký|Ký bởi)/u.test(text)) continue;
    const recipient = /^[-+•]\s*/.test(text) || /^Lưu\s*:?/u.test(text);
    if (recipient) {
      text = text.replace(/^[-+•]\s*/, '');
      const purpose = PURPOSE.exec(text);
      const name = text
        .replace(PURPOSE, '')
        .replace(/[;,]\s*$/, '')
        .replace(/\.$/, (dot) => (/\((?:[^)]*)$/.test(text) ? dot : ''))
        .trim();
      if (!name && purpose) {
        reading.unplaced.push(text);
        reading.warnings.push(
          `The list of recipients has "(${purpose[1]})" on a line of its own; the text does not say which recipients it covers`,
        );
        continue;
      }
      reading.recipients.push({
        name,
        purpose: purpose ? purpose[1].toLowerCase().replace('b/c', 'báo cáo').replace('t/h', 'thực hiện') : null,
      });
      continue;
    }
    const previous = reading.recipients.at(-1);
    if (previous && /^\p{Ll}/u.test(text) && !titles.length) {
      previous.name = `${previous.name} ${text.replace(/[;,]\s*$/, '')}`;
      continue;
    }
    if (isCapitals(text) || SIGNING.test(text)) {
      titles.push(sentenceCase(text));
      continue;
    }
    if (PERSON_NAME.test(text)) {
      name = text;
      continue;
    }
    reading.unplaced.push(text);
    reading.warnings.push(`The closing has a line that is neither a recipient nor part of the signature: "${text}"`);
  }
  if (titles.length || name) reading.signer = { name, title: titles.length ? titles.join(', ') : null };
  return reading;
}

/** "4. Báo …, Đài …: Phối hợp …": the bodies before the colon head the clause, the duty after it is its text. */
function splitHeading(rest: string): { heading: string; text: string } | null {
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon > 300) return null;
  const before = rest.slice(0, colon).trim();
  if (/[.;]/.test(before.replace(/\.\d/g, ''))) return null;
  if (!/^(?:Đề nghị|Giao|Trách nhiệm của|Nhiệm vụ của)\s/u.test(before) && !readHeadingAssignment(before)) return null;
  return { heading: before, text: rest.slice(colon + 1).trim() };
}

export function parseDocument(text: string): DocumentDraft {
  const warnings: string[] = [];
  const unplaced: string[] = [];
  const zones = zonesOf(sourceLines(text));
  const header = readHeader(zones.header);
  unplaced.push(...header.superior, ...header.unplaced);

  const preamble: string[] = [];
  const tree = clauseTreeBuilder(preamble, splitHeading);
  for (const block of joinLines(zones.body)) tree.add(block);
  for (const attachment of zones.attachments) {
    tree.attach(attachment.label, attachment.heading.join(' '));
    for (const block of joinLines(attachment.body) as Block[]) tree.add(block);
  }
  const closing = readClosing(zones.closing);
  unplaced.push(...closing.unplaced);
  warnings.push(...closing.warnings);

  const title = zones.title.join(' ').replace(/\s+/g, ' ').trim() || null;
  let issuer = header.issuer;
  const issuerAliases: string[] = [];
  if (!issuer) {
    const fromBody = issuerFromBody(preamble.join(' '));
    issuer = fromBody?.name ?? null;
    issuerAliases.push(...(fromBody?.aliases ?? []));
    warnings.push(
      issuer
        ? `The text has no issuing body in a header; "${issuer}" was read from the preamble: check it`
        : 'The text names no issuing body: choose the issuer before committing',
    );
  }
  // A relative issuer ("Ủy ban nhân dân tỉnh") needs its province, or it would be taken for another province's.
  if (issuer && /(?:tỉnh|thành phố|huyện|[Tt]ỉnh ủy|[Tt]hành ủy|[Hh]uyện ủy)$/u.test(issuer)) {
    const locality = header.place ? { name: header.place, evidence: `${header.place}, ngày …` } : localityFromText(text);
    if (locality) {
      warnings.push(`The issuer's province was read as ${locality.name} (from "${locality.evidence}"): check it`);
      issuer = `${issuer} ${locality.name}`;
    } else {
      warnings.push(`The issuer "${issuer}" does not say which province or city it belongs to: name it in full before committing`);
    }
  }

  const symbolKind = kindOfSymbol(header.symbol);
  let kind: DocumentKind | null = zones.titleWord?.kind === 'QĐ' ? null : (zones.titleWord?.kind ?? null);
  // QUYẾT ĐỊNH over a Party symbol, or a State body's QĐ: the symbol's code decides between Quyết định and Quy định.
  if (kind === DocumentKind.DECISION && symbolKind === DocumentKind.REGULATION) kind = DocumentKind.REGULATION;
  kind ??= symbolKind;
  if (!zones.titleWord)
    warnings.push(
      kind
        ? `The text has no title word; the kind ${kind} was read from the symbol`
        : 'The text has no title word (KẾ HOẠCH, CHỈ THỊ …): choose the document kind',
    );
  if (!header.symbol) warnings.push('The text has no symbol (Số: …): enter it if the document has one');
  else if (/^[/-]/.test(header.symbol)) warnings.push(`The symbol "${header.symbol}" has no number: the copy was not yet numbered`);
  if (!header.issuedOn)
    warnings.push(
      header.blankDate
        ? 'The date line is left blank in this copy: enter the date of issue'
        : 'The text has no date of issue (…, ngày … tháng … năm …): enter it',
    );
  if (!title) warnings.push('No title (trích yếu) was found: enter it before committing');

  const clauses = tree.build();
  // The body's closing mark "./." is punctuation, not text; what an OCR left after it ("./*Sđk*") is kept aside.
  for (const clause of flattenClauses(clauses)) {
    const mark = /\.\/\.?(\S{0,12})$/u.exec(clause.text);
    if (!mark) continue;
    clause.text = `${clause.text.slice(0, mark.index)}.`;
    if (mark[1]) {
      unplaced.push(mark[1]);
      warnings.push(`"${mark[1]}" follows the closing mark "./." of clause ${clause.path}; it was set aside`);
    }
  }
  const references: DraftReference[] = [];
  if (title) references.push(...referencesIn(title, preamble.length ? 'preamble' : null, true));
  for (const clause of flattenClauses(clauses)) {
    const opening = clause.path === 'preamble';
    references.push(...referencesIn([clause.heading, clause.text].filter(Boolean).join('\n'), clause.path, opening));
  }
  const { tasks, warnings: taskWarnings } = extractTasks(clauses, { issuedOn: header.issuedOn });
  warnings.push(...taskWarnings);
  if (!closing.signer) warnings.push('No signer block was found after the text');
  if (zones.closing.length === 0) warnings.push('No list of recipients (Nơi nhận) was found');

  return {
    kind,
    symbol: header.symbol,
    issuedOn: header.issuedOn,
    place: header.place,
    title,
    issuer: issuer ? { name: issuer, aliases: issuerAliases } : null,
    signer: closing.signer,
    references: mergeReferences(references, header.symbol),
    clauses,
    tasks,
    recipients: closing.recipients,
    unplaced,
    warnings,
  };
}
