// Reads when a duty is due ("trước ngày 28/02/2024", "trong tháng 01/2024", "quý II/2024") and how often it recurs
// ("hằng năm", "định kỳ 6 tháng"). Phrases are kept as written; a date is computed only when the phrase fixes one.
import { Recurrence } from '../task/task.enums';
import { lowerCase } from './parse-agencies';

export interface TimeReading {
  due: { date: string | null; text: string | null };
  recurrence: Recurrence;
}

export interface TimeOptions {
  /** The text is a table cell given over to time ("Quý I/2025", "30/4/2025", "2025"): bare dates count as deadlines. */
  cell?: boolean;
}

interface Deadline {
  text: string;
  date: string | null;
  at: number;
  /** A bare "năm 2024" only says in which year something happens: used when nothing better is written. */
  weak: boolean;
}

// Words that make the date after them a deadline. Without one, a date is a citation ("Kế hoạch số 18/KH-BCĐ138/CP
// ngày 15/01/2024"), a commemoration ("Ngày toàn dân phòng, chống ma túy - 26/6") or a start ("có hiệu lực từ 01/7/2024").
const BY =
  '(?:trước|chậm nhất(?: là)?(?: vào)?(?: trước)?|muộn nhất(?: là)?|không muộn hơn|hạn chót|đến(?: hết)?|tới|hết|cuối|vào|ngay trong|trong|xong trước|thời hạn(?: hoàn thành)?:?|thời gian(?: hoàn thành| thực hiện)?:?|tiến độ(?: hoàn thành)?:?)';
// Each phrase is found by its own words first, then the keyword is looked for just before it: a pattern that opens
// with an optional keyword would be tried at every position of a long text.
const KEYWORD_WINDOW = 40;
const DATE_KEYWORD = new RegExp(`(?:^|[^A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ])(${BY}\\s+(?:ngày\\s+)?)$`, 'u');
const DAY_WORD = /(?:^|[^A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ])(ngày\s+)$/u;
const MONTH_KEYWORD = new RegExp(`(?:^|[^A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ])((?:${BY}\\s+)?(?:(đầu|giữa|cuối)\\s+)?)$`, 'u');
const PERIOD_KEYWORD = new RegExp(`(?:^|[^A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ])(${BY}\\s+)$`, 'u');

const DATE = /(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})(?!\d)(?:(?:\s*[/.-]\s*|\s+năm\s+)(\d{4}))?(?!\d)/gu;
const MONTH = /tháng\s+(\d{1,2})(?!\d)(?:(?:\s*[/-]\s*|\s+năm\s+)(\d{4}))?(?!\d)/gu;
const QUARTER = /quý\s+(iv|i{1,3}|[1-4])(?![A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ])(?:(?:\s*[/-]\s*|\s+năm\s+)(\d{4}))?(?!\d)/gu;
const HALF = /(?:0?6|sáu) tháng (đầu|cuối) năm(?:\s+(\d{4}))?(?!\d)/gu;
const YEAR = /năm\s+(\d{4})(?!\d)/gu;
const WITHIN_DAYS =
  /trong (?:thời hạn|vòng) (\d{1,3}) ngày( làm việc)?(?:,? kể từ (?:ngày )?(ký|ban hành)(?: [A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ\s]{0,40}?(?=[,.;)]|$))?)?/gu;
const BARE_YEAR = /^\s*(?:năm\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?\s*$/u;

// Before a bare "năm 2024", words that make it a period of something else, not when the duty is due.
const NOT_A_DEADLINE_YEAR =
  /(?:giai đoạn|tầm nhìn(?: đến)?|định hướng(?: đến)?|so với(?: cùng kỳ)?|cùng kỳ|từ|của|khóa|tháng \d{1,2}|ngày \d{1,2})\s*$/u;
// Before a keyword date, words that make it a cut-off or a start, not a deadline.
const NOT_A_DEADLINE_DATE = /(?:tính|số liệu|từ ngày \S+|kể từ)\s*$/u;
// Before "đến năm 2030", words that make it a horizon, not a deadline.
const HORIZON = /(?:tầm nhìn|định hướng|giai đoạn[\s\d–-]*)\s*$/u;

const RECURRENCES: [Recurrence, RegExp][] = [
  [Recurrence.MONTHLY, /(?:hằng|hàng|mỗi) tháng|định kỳ (?:hằng |hàng )?tháng|theo tháng/gu],
  [Recurrence.QUARTERLY, /(?:hằng|hàng|mỗi|từng) quý|định kỳ (?:hằng |hàng )?quý|theo quý|định kỳ (?:0?3|ba) tháng/gu],
  [
    Recurrence.SEMIANNUAL,
    /định kỳ (?:0?6|sáu) tháng|(?:hằng|hàng|mỗi) (?:0?6|sáu) tháng|(?:0?6|sáu) tháng một lần|(?:báo cáo|sơ kết) (?:0?6|sáu) tháng(?! đầu| cuối)/gu,
  ],
  [Recurrence.ANNUAL, /(?:hằng|hàng|mỗi) năm|định kỳ (?:hằng |hàng )?năm|thường niên/gu],
];
const PERIOD_WORDS = /tháng|quý|năm|niên/u;

// Manner words that say a duty is ongoing or urgent without a date: kept as the due phrase, as the demo does.
const CONTINUITY = /thường xuyên|khẩn trương|liên tục|định kỳ/gu;
// "địa bàn thường xuyên xảy ra tội phạm", "xuất hiện thường xuyên": frequency of something else, not of the duty.
const NOT_CONTINUITY_BEFORE = /(?:xuất hiện|xảy ra|diễn ra|địa bàn|nơi|chưa|không|ít)\s*$/u;
const NOT_CONTINUITY_AFTER = /^\s*(?:xảy ra|xuất hiện|diễn ra|có mặt|biến động)/u;

const WORD_CHAR = /[A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ]/u;

/** Whether `length` characters at `at` stand as whole words. */
function wholeWords(text: string, at: number, length: number): boolean {
  return !WORD_CHAR.test(text[at - 1] ?? '') && !WORD_CHAR.test(text[at + length] ?? '');
}

/** The keyword right before `at` (with where it starts), per `pattern`. */
function keywordBefore(text: string, at: number, pattern: RegExp): { words: RegExpExecArray; start: number } | null {
  const from = Math.max(0, at - KEYWORD_WINDOW);
  const words = pattern.exec(text.slice(from, at));
  if (!words) return null;
  return { words, start: at - words[1].length };
}

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The year a phrase leaves out: the year of issue, or the next one when the date would fall before the issue. */
function impliedYear(issuedOn: string | null, month: number, day: number): number | null {
  if (!issuedOn) return null;
  const year = Number(issuedOn.slice(0, 4));
  const candidate = iso(year, month, Math.min(day, lastDay(year, month)));
  return candidate && candidate < issuedOn ? year + 1 : year;
}

function yearOf(written: string | undefined, issuedOn: string | null, month: number, day: number): number | null {
  if (written) return Number(written);
  return impliedYear(issuedOn, month, day);
}

/** Deadline phrases in `text`, in the order written. */
export function readDeadlines(original: string, issuedOn: string | null, options: TimeOptions = {}): Deadline[] {
  const text = lowerCase(original);
  const found: Deadline[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([from, to]) => end <= from || start >= to);
  const add = (start: number, end: number, date: string | null, weak = false) => {
    if (!free(start, end)) return;
    taken.push([start, end]);
    found.push({ text: original.slice(start, end).trim(), date, at: start, weak });
  };
  const issuedYear = issuedOn ? Number(issuedOn.slice(0, 4)) : null;
  if (options.cell) {
    // "2025", "Năm 2024 - 2025": a cell that is only a year or a span of years is due at the end of the last one.
    const bare = BARE_YEAR.exec(text);
    if (bare) return [{ text: original.trim(), date: iso(Number(bare[2] ?? bare[1]), 12, 31), at: 0, weak: false }];
  }

  for (const match of text.matchAll(DATE)) {
    const at = match.index ?? 0;
    if (WORD_CHAR.test(text[at - 1] ?? '')) continue;
    const [, day, month, year] = match;
    const keyword = keywordBefore(text, at, DATE_KEYWORD);
    if (!keyword && !options.cell) continue;
    const start = keyword?.start ?? keywordBefore(text, at, DAY_WORD)?.start ?? at;
    if (NOT_A_DEADLINE_DATE.test(text.slice(Math.max(0, start - 20), start))) continue;
    const resolved = yearOf(year, issuedOn, Number(month), Number(day));
    // A date long before the issue is a citation that happens to follow "đến", "vào"…
    if (resolved !== null && issuedYear !== null && resolved < issuedYear - 1) continue;
    add(start, at + match[0].length, resolved === null ? null : iso(resolved, Number(month), Number(day)));
  }
  if (/tháng (?:đầu|cuối) năm/u.test(text)) {
    for (const match of text.matchAll(HALF)) {
      const at = match.index ?? 0;
      if (WORD_CHAR.test(text[at - 1] ?? '')) continue;
      const [, half, year] = match;
      const month = half.toLowerCase() === 'đầu' ? 6 : 12;
      const resolved = yearOf(year, issuedOn, month, 1);
      const start = keywordBefore(text, at, PERIOD_KEYWORD)?.start ?? at;
      add(start, at + match[0].length, resolved === null ? null : iso(resolved, month, lastDay(resolved, month)));
    }
  }
  for (const match of text.matchAll(MONTH)) {
    const at = match.index ?? 0;
    if (WORD_CHAR.test(text[at - 1] ?? '')) continue;
    const [, monthText, year] = match;
    const keyword = keywordBefore(text, at, MONTH_KEYWORD);
    const by = (keyword?.words[1] ?? '').trim().replace(/\s*(?:đầu|giữa|cuối)$/u, '');
    const part = keyword?.words[2]?.toLowerCase();
    // "Tháng hành động … - Tháng 6" names a campaign: a month is a deadline only with a year or a keyword.
    if (!by && !part && !year && !options.cell) continue;
    const start = keyword?.start ?? at;
    let month = Number(monthText);
    let resolved = yearOf(year, issuedOn, month, 1);
    if (resolved === null) {
      add(start, at + match[0].length, null);
      continue;
    }
    // "trước tháng 6/2024": by the end of May.
    if (/^trước/u.test(by) && !part) {
      month -= 1;
      if (month === 0) {
        month = 12;
        resolved -= 1;
      }
    }
    const day = part === 'đầu' ? 10 : part === 'giữa' ? 15 : lastDay(resolved, month);
    add(start, at + match[0].length, iso(resolved, month, day));
  }
  for (const match of text.matchAll(QUARTER)) {
    const at = match.index ?? 0;
    if (WORD_CHAR.test(text[at - 1] ?? '')) continue;
    if (/(?:hằng|hàng|mỗi|các|từng)\s*$/u.test(text.slice(Math.max(0, at - 8), at))) continue;
    const [, quarterText, year] = match;
    const keyword = keywordBefore(text, at, PERIOD_KEYWORD);
    const start = keyword?.start ?? at;
    let quarter = ROMAN_QUARTERS[quarterText] ?? Number(quarterText);
    let resolved = yearOf(year, issuedOn, quarter * 3, 1);
    if (resolved === null) {
      add(start, at + match[0].length, null);
      continue;
    }
    if (/^trước/u.test(keyword?.words[1] ?? '')) {
      quarter -= 1;
      if (quarter === 0) {
        quarter = 4;
        resolved -= 1;
      }
    }
    add(start, at + match[0].length, iso(resolved, quarter * 3, lastDay(resolved, quarter * 3)));
  }
  for (const match of text.matchAll(YEAR)) {
    const at = match.index ?? 0;
    if (WORD_CHAR.test(text[at - 1] ?? '')) continue;
    let year = Number(match[1]);
    const keyword = keywordBefore(text, at, PERIOD_KEYWORD);
    const start = keyword?.start ?? at;
    const before = text.slice(Math.max(0, start - 30), start);
    if (HORIZON.test(before)) continue;
    if (!keyword) {
      if (NOT_A_DEADLINE_YEAR.test(before)) continue;
      // A year before the issue is history or a citation, not a deadline.
      if (issuedYear !== null && year < issuedYear) continue;
    } else if (/^trước/u.test(keyword.words[1])) {
      year -= 1;
    }
    add(start, at + match[0].length, iso(year, 12, 31), !keyword && !options.cell);
  }
  for (const match of text.matchAll(WITHIN_DAYS)) {
    const at = match.index ?? 0;
    if (WORD_CHAR.test(text[at - 1] ?? '')) continue;
    const [, days, workingDays, from] = match;
    let date: string | null = null;
    if (from && !workingDays && issuedOn) {
      const issued = new Date(`${issuedOn}T00:00:00Z`);
      issued.setUTCDate(issued.getUTCDate() + Number(days));
      date = issued.toISOString().slice(0, 10);
    }
    add(at, at + match[0].length, date);
  }
  return found.sort((a, b) => a.at - b.at);
}

/** How often a duty recurs, with the phrase that says so; the most frequent wins ("định kỳ 6 tháng, hằng năm"). */
export function readRecurrence(original: string): { recurrence: Recurrence; text: string } | null {
  const text = lowerCase(original);
  if (!PERIOD_WORDS.test(text)) return null;
  for (const [recurrence, pattern] of RECURRENCES) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      if (wholeWords(text, at, match[0].length)) return { recurrence, text: original.slice(at, at + match[0].length) };
    }
  }
  return null;
}

function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opened = before.split('“').length - before.split('”').length;
  const straight = before.split('"').length - 1;
  return opened > 0 || straight % 2 === 1;
}

/** "Thường xuyên", "khẩn trương", "định kỳ": a duty that is ongoing or urgent, with no date. */
export function readContinuity(original: string): string | null {
  const text = lowerCase(original);
  for (const match of text.matchAll(CONTINUITY)) {
    const at = match.index ?? 0;
    if (!wholeWords(text, at, match[0].length)) continue;
    // A slogan in quotes ("tinh thần “tích cực, khẩn trương, hiệu quả”") says nothing of when.
    if (insideQuotes(text, at)) continue;
    if (match[0] === 'thường xuyên') {
      if (NOT_CONTINUITY_BEFORE.test(text.slice(Math.max(0, at - 15), at))) continue;
      if (NOT_CONTINUITY_AFTER.test(text.slice(at + match[0].length, at + match[0].length + 20))) continue;
    }
    return original.slice(at, at + match[0].length);
  }
  return null;
}

/**
 * When a duty is due and how often it recurs. The due date is the earliest deadline the text fixes; without one,
 * the due phrase is the recurrence ("Hằng năm") or the manner ("Thường xuyên") as written, with no date.
 * `issuedOn` supplies the year a phrase leaves out ("trước ngày 15/3").
 */
export function readTime(text: string, issuedOn: string | null, options: TimeOptions = {}): TimeReading {
  const recurrence = readRecurrence(text);
  const deadlines = readDeadlines(text, issuedOn, options);
  const strong = deadlines.filter((deadline) => !deadline.weak);
  const candidates = strong.length > 0 ? strong : deadlines;
  const dated = candidates.filter((deadline) => deadline.date !== null);
  const chosen = dated.length > 0 ? dated.reduce((best, next) => (next.date! < best.date! ? next : best)) : candidates[0];
  if (chosen) return { due: { date: chosen.date, text: chosen.text }, recurrence: recurrence?.recurrence ?? Recurrence.NONE };
  if (recurrence) return { due: { date: null, text: recurrence.text }, recurrence: recurrence.recurrence };
  return { due: { date: null, text: readContinuity(text) }, recurrence: Recurrence.NONE };
}
