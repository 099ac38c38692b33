// The documents a text cites ("Kế hoạch số 197-KH/TU ngày 27/11/2024 của Tỉnh ủy"), how it relates to each
// (thực hiện → IMPLEMENTS, căn cứ → BASED_ON, otherwise CITES), and the chains inside one sentence
// ("Kế hoạch 197-KH/TU … về thực hiện Quy định 183-QĐ/TW": 197-KH/TU implements 183-QĐ/TW).
import { DocumentKind, RelationType } from '../document/document.enums';
import type { DraftReference } from './draft';

/** Kind words as they stand before a symbol in running text, longest first. */
const KIND_WORDS: [string, DocumentKind][] = [
  ['Thông tư liên tịch', DocumentKind.CIRCULAR],
  ['Nghị quyết', DocumentKind.RESOLUTION],
  ['Nghị định', DocumentKind.DECREE],
  ['Chỉ thị', DocumentKind.DIRECTIVE],
  ['Kế hoạch', DocumentKind.PLAN],
  ['Quyết định', DocumentKind.DECISION],
  ['Quy định', DocumentKind.REGULATION],
  ['Kết luận', DocumentKind.CONCLUSION],
  ['Hướng dẫn', DocumentKind.GUIDANCE],
  ['Chương trình', DocumentKind.PROGRAM],
  ['Đề án', DocumentKind.PROGRAM],
  ['Thông tư', DocumentKind.CIRCULAR],
  ['Thông báo', DocumentKind.OFFICIAL_LETTER],
  ['Công văn', DocumentKind.OFFICIAL_LETTER],
  ['Công điện', DocumentKind.OFFICIAL_LETTER],
  ['Văn bản', DocumentKind.OFFICIAL_LETTER],
  ['Tờ trình', DocumentKind.OFFICIAL_LETTER],
  ['Luật', DocumentKind.LAW],
];

/** The kind a symbol's kind code says ("KH", "CT", "NQ" …); QĐ is a Party Quy định ("183-QĐ/TW") or a State Quyết định. */
export function kindOfSymbol(symbol: string | null): DocumentKind | null {
  if (!symbol) return null;
  const party = /^\d*-/.test(symbol) || /\/(TW|TU|ĐU|HU|TƯ|BCS|ĐĐ)\b/u.test(symbol);
  const code = /(?:^|[-/]|\d)(KH|CTr|CT|QĐ|QĐi|QC|NQ|NĐ|TT|TTLT|KL|HD|HĐ|TB|CV|L|CĐ|ĐA)(?=[-/]|$)/u.exec(symbol)?.[1];
  switch (code) {
    case 'KH':
      return DocumentKind.PLAN;
    case 'CT':
      return DocumentKind.DIRECTIVE;
    case 'CTr':
    case 'ĐA':
      return DocumentKind.PROGRAM;
    case 'QĐ':
    case 'QĐi':
      return party ? DocumentKind.REGULATION : DocumentKind.DECISION;
    case 'QC':
      return DocumentKind.REGULATION;
    case 'NQ':
      return DocumentKind.RESOLUTION;
    case 'NĐ':
      return DocumentKind.DECREE;
    case 'TT':
    case 'TTLT':
      return DocumentKind.CIRCULAR;
    case 'KL':
      return DocumentKind.CONCLUSION;
    case 'HD':
      return DocumentKind.GUIDANCE;
    case 'TB':
    case 'CV':
    case 'CĐ':
      return DocumentKind.OFFICIAL_LETTER;
    default:
      return null;
  }
}

/** A symbol: a number (or none, "Số: /KH-BCĐ") and codes joined by "/" or "-": "18/KH-BCĐ138/CP", "02CTr-BCA-V05". */
const SYMBOL = String.raw`\d{1,5}[\p{L}]*(?:[/-][\p{L}\p{N}]+)+`;
const DATE = String.raw`(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
const CITATION = new RegExp(
  String.raw`(?<![\p{L}])(${KIND_WORDS.map(([word]) => word).join('|')})(?:\s+số)?\s*:?\s*(${SYMBOL})(?:\s*,?\s*(?:${DATE}))?`,
  'gu',
);

/** An ISO date from day, month and year as printed; null when they make no date. */
export function isoDate(day: string | number, month: string | number, year: string | number): string | null {
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1945 && y <= 2100)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "của Bộ Chính trị về …" → "Bộ Chính trị": the issuer ends where what the document is about begins. */
function issuerAfter(text: string): { issuer: string | null; length: number } {
  const match = /^\s*,?\s*của\s+/u.exec(text);
  if (!match) return { issuer: null, length: 0 };
  const rest = text.slice(match[0].length);
  const end =
    /\s+(?:về|thực hiện|triển khai|quy định|ban hành|hướng dẫn|phê duyệt|và|đã|đề ra|nhằm|tại|trong|trên|gửi|để)(?![\p{L}])|[;.:()“"”]|,(?!\s*chống)|\s+(?=(?:Kế hoạch|Chỉ thị|Nghị quyết|Quyết định|Quy định|Kết luận)\s)/u.exec(
      rest,
    );
  let issuer = (end ? rest.slice(0, end.index) : rest.slice(0, 80)).trim();
  // "(khóa XII)" belongs to the issuer's name.
  const term = /^\s*\((?:khóa|khoá)\s+[IVXLC]+\)/u.exec(rest.slice(issuer.length));
  if (term) issuer = `${issuer}${term[0]}`;
  if (!issuer || issuer.length > 100 || !/^[\p{Lu}]/u.test(issuer)) return { issuer: null, length: 0 };
  return { issuer, length: match[0].length + issuer.length };
}

interface Found {
  kind: DocumentKind;
  symbol: string;
  issuedOn: string | null;
  issuer: string | null;
  start: number;
  end: number;
}

function citationsIn(sentence: string): Found[] {
  const found: Found[] = [];
  for (const match of sentence.matchAll(CITATION)) {
    const kindWord = match[1];
    const symbol = match[2].replace(/[-/]+$/, '');
    const kind = KIND_WORDS.find(([word]) => word === kindWord)![1];
    const issuedOn = match[3] ? isoDate(match[3], match[4], match[5]) : match[6] ? isoDate(match[6], match[7], match[8]) : null;
    const start = match.index ?? 0;
    let end = start + match[0].length;
    const { issuer, length } = issuerAfter(sentence.slice(end));
    end += length;
    found.push({ kind: kindOfSymbol(symbol) ?? kind, symbol, issuedOn, issuer, start, end });
  }
  return found;
}

/** Sentences of a clause: references chain only inside one. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.;])\s+(?=\p{Lu})|\n/u).filter((sentence) => sentence.trim());
}

const KIND_WORD = new RegExp(`(?<![\\p{L}])(?:${KIND_WORDS.map(([word]) => word).join('|')})(?![\\p{L}])`, 'u');
const IMPLEMENT_WORDS = /(?<![\p{L}])(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|thể chế hóa)(?![\p{L}])/iu;

/**
 * References in one passage. `opening` marks the preamble and the title, where "Căn cứ" and "Thực hiện" say how the
 * document itself stands to what it cites; in the body every citation is a CITES.
 */
export function referencesIn(text: string, clausePath: string | null, opening: boolean): DraftReference[] {
  const references: DraftReference[] = [];
  let basedOn = false;
  for (const sentence of sentencesOf(text)) {
    if (/^\s*Căn cứ/u.test(sentence)) basedOn = true;
    else if (/^\s*(?:Thực hiện|Triển khai|Để|Ngày|Nhằm|Theo|Xét)/u.test(sentence)) basedOn = false;
    const found = citationsIn(sentence);
    found.forEach((citation, index) => {
      const previous = index > 0 ? found[index - 1] : null;
      const between = previous ? sentence.slice(previous.end, citation.start) : sentence.slice(0, citation.start);
      // "Ngày 18/9/2024, Bộ Chính trị ban hành Quy định số 183-QĐ/TW": date and issuer stand before the citation.
      const announced = !previous ? /Ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4}),\s*(.+?)\s+ban hành\s*$/u.exec(between) : null;
      // "A … thực hiện Chương trình hành động của Chính phủ về thực hiện B": a link without a symbol stands between.
      const chained = previous !== null && !/[;]/.test(between) && IMPLEMENT_WORDS.test(between) && !KIND_WORD.test(between);
      let relation = RelationType.CITES;
      if (opening && !chained) {
        if (basedOn) relation = RelationType.BASED_ON;
        else if (index === 0 && IMPLEMENT_WORDS.test(between)) relation = RelationType.IMPLEMENTS;
        else if (index === 0 && /^\s*$/.test(between) && /^(?:Thực hiện|Triển khai)/u.test(sentence)) relation = RelationType.IMPLEMENTS;
      }
      const base = {
        kind: citation.kind,
        symbol: citation.symbol,
        issuedOn: citation.issuedOn ?? (announced ? isoDate(announced[1], announced[2], announced[3]) : null),
        issuer: citation.issuer ?? announced?.[4] ?? null,
        text: sentence.slice(announced ? sentence.indexOf(announced[0]) : citation.start, citation.end).trim(),
        clausePath,
      };
      if (chained) {
        references.push({
          ...base,
          relation: RelationType.IMPLEMENTS,
          citedBySymbol: previous!.symbol,
          text: sentence.slice(previous!.start, citation.end).trim(),
        });
        // The document mentions what it reaches through the chain: a citation, not a second line of descent.
        references.push({ ...base, relation: RelationType.CITES, citedBySymbol: null });
      } else {
        references.push({ ...base, relation, citedBySymbol: null });
      }
    });
  }
  return references;
}

const STRENGTH: Record<RelationType, number> = {
  [RelationType.IMPLEMENTS]: 3,
  [RelationType.AMENDS]: 3,
  [RelationType.REPLACES]: 3,
  [RelationType.BASED_ON]: 2,
  [RelationType.CITES]: 1,
};

/**
 * One reference per cited document and citing side, the strongest relation kept, the first mention's details filled
 * in from later ones. A document the draft reaches through a chain is not also implemented directly.
 */
export function mergeReferences(references: DraftReference[], ownSymbol: string | null): DraftReference[] {
  const merged = new Map<string, DraftReference>();
  for (const reference of references) {
    if (reference.symbol && reference.symbol === ownSymbol) continue;
    const key = `${reference.citedBySymbol ?? ''}>${reference.symbol}`;
    const known = merged.get(key);
    if (!known) {
      merged.set(key, { ...reference });
      continue;
    }
    if (STRENGTH[reference.relation] > STRENGTH[known.relation]) {
      known.relation = reference.relation;
      known.text = reference.text;
      known.clausePath = reference.clausePath;
    }
    known.issuedOn ??= reference.issuedOn;
    known.issuer ??= reference.issuer;
  }
  const chainedTargets = new Set([...merged.values()].filter((reference) => reference.citedBySymbol).map((reference) => reference.symbol));
  for (const reference of merged.values()) {
    if (!reference.citedBySymbol && reference.relation === RelationType.IMPLEMENTS && chainedTargets.has(reference.symbol)) {
      const viaImplemented = [...merged.values()].some(
        (link) =>
          link.citedBySymbol &&
          link.symbol === reference.symbol &&
          merged.get(`>${link.citedBySymbol}`)?.relation === RelationType.IMPLEMENTS,
      );
      if (viaImplemented) reference.relation = RelationType.CITES;
    }
  }
  // Details known from one mention complete the others (a chain's link and the direct citation of the same document).
  const bySymbol = new Map<string, DraftReference>();
  for (const reference of merged.values()) {
    const first = bySymbol.get(reference.symbol ?? '');
    if (!first) bySymbol.set(reference.symbol ?? '', reference);
    else {
      first.issuedOn ??= reference.issuedOn;
      first.issuer ??= reference.issuer;
      reference.issuedOn ??= first.issuedOn;
      reference.issuer ??= first.issuer;
    }
  }
  return [...merged.values()];
}
