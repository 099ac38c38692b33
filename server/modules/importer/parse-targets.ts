// Reads the numeric targets a duty sets ("kéo giảm ít nhất 5%", "duy trì dưới 3%", "50% xã, phường, thị trấn"),
// each with its comparator, value and unit, keeping the phrase as written.
import { TargetComparator } from '../task/task.enums';
import type { DraftTarget } from './draft';
import { lowerCase } from './parse-agencies';

const COMPARATORS: [RegExp, TargetComparator][] = [
  [/^(?:không vượt quá|không quá|tối đa|không cao hơn|không lớn hơn)$/u, TargetComparator.AT_MOST],
  [/^(?:dưới|thấp hơn|nhỏ hơn)$/u, TargetComparator.BELOW],
  [/^(?:trên|cao hơn|lớn hơn|vượt)$/u, TargetComparator.ABOVE],
  [/^(?:ít nhất|tối thiểu|không dưới|không thấp hơn|từ|đạt)$/u, TargetComparator.AT_LEAST],
];
const COMPARATOR_WORDS =
  'không vượt quá|không quá|tối đa|không cao hơn|không lớn hơn|dưới|thấp hơn|nhỏ hơn|trên|cao hơn|lớn hơn|vượt|ít nhất|tối thiểu|không dưới|không thấp hơn|từ|đạt';

// Each number is found first and its comparator looked for right before it: a pattern opening with an optional
// comparator would be tried at every position of a long text.
const PERCENT = /(\d{1,3}(?:[.,]\d{1,2})?)\s*(%|phần trăm)(\s+trở lên|\s+trở xuống)?/gu;
const COMPARATOR_BEFORE = new RegExp(`(?:^|[^A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ])((${COMPARATOR_WORDS})\\s+)$`, 'u');
const COMPARATOR_WINDOW = 25;
// A count with an explicit comparator ("ít nhất 02 lớp"); "trên"/"dưới" before a bare number are too often places or ages.
const COUNT = /(ít nhất|tối thiểu|không dưới|tối đa|không quá|không vượt quá)\s+(\d{1,3}(?:\.\d{3})+|\d+)\s+(?!%)([A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]+)/gu;
// The verb that says which way the number moves, looked for a little before it ("kéo giảm tội phạm ít nhất 5%");
// "duy trì" only right before it ("duy trì dưới 3%"), as it also opens unrelated duties.
const VERB = /(kéo giảm|giảm(?! nghèo)|tăng(?! cường)|duy trì)(?![A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ])/gu;
const VERB_WINDOW = 80;
const KEEP_WINDOW = 20;
// What a percentage applies to ends at these ("50% xã, phường, thị trấn … điển hình về phong trào").
const OBJECT_END =
  /[;:.()\n]|\s(?:và|để|nhằm|về|trong|trên|được|phải|so với|tại|theo|đến|cho|có|thực hiện|tham gia|tổ chức)(?![A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ])/u;
const OBJECT_MAX = 80;
const WORD_CHAR = /[A-Za-z0-9À-ÖØ-öø-ɏḀ-ỿ]/u;

function comparatorOf(word: string | undefined): TargetComparator | null {
  if (!word) return null;
  for (const [pattern, comparator] of COMPARATORS) if (pattern.test(word)) return comparator;
  return null;
}

function numberOf(written: string, percent: boolean): number {
  // "2,5%" and "2.5%" are both two and a half; "1.000 người" is a thousand.
  if (percent) return Number(written.replace(',', '.'));
  return Number(written.replace(/\./g, '').replace(',', '.'));
}

/** The verb governing a number at `at`, in the same sentence and close before it. */
function verbBefore(text: string, at: number): { verb: string; at: number } | null {
  const from = Math.max(0, at - VERB_WINDOW);
  const window = text.slice(from, at);
  const sentenceStart = Math.max(window.lastIndexOf(';'), window.lastIndexOf('. '), window.lastIndexOf('\n'), window.lastIndexOf(':')) + 1;
  const sentence = window.slice(sentenceStart);
  let found: { verb: string; at: number } | null = null;
  for (const match of sentence.matchAll(VERB)) {
    const index = match.index ?? 0;
    if (WORD_CHAR.test(sentence[index - 1] ?? '')) continue;
    found = { verb: match[1].toLowerCase(), at: from + sentenceStart + index };
  }
  if (found?.verb === 'duy trì' && at - found.at > KEEP_WINDOW) return null;
  return found;
}

/** The noun phrase a percentage applies to, cut short on a word boundary. */
function objectAfter(text: string, at: number): string {
  const rest = text.slice(at, at + OBJECT_MAX + 20);
  if (!/^ [A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]/u.test(rest)) return '';
  const end = OBJECT_END.exec(rest);
  let object = end ? rest.slice(0, end.index) : rest;
  if (object.length > OBJECT_MAX) object = object.slice(0, object.lastIndexOf(' ', OBJECT_MAX));
  return object.replace(/[\s,–-]+$/u, '');
}

/** Numeric targets in `text`, in the order written. */
export function readTargets(original: string): DraftTarget[] {
  // The patterns are in lower case; matches point into the original, which the phrases are taken from.
  const text = lowerCase(original);
  const targets: { at: number; end: number; target: DraftTarget }[] = [];
  for (const match of text.matchAll(PERCENT)) {
    const [whole, number, , beyond] = match;
    const numberAt = match.index ?? 0;
    if (WORD_CHAR.test(text[numberAt - 1] ?? '')) continue;
    const before = COMPARATOR_BEFORE.exec(text.slice(Math.max(0, numberAt - COMPARATOR_WINDOW), numberAt));
    let comparator = comparatorOf(before?.[2]);
    if (beyond) comparator = /lên/u.test(beyond) ? TargetComparator.AT_LEAST : TargetComparator.AT_MOST;
    const verb = verbBefore(text, numberAt);
    if (verb?.verb.endsWith('giảm')) comparator = TargetComparator.REDUCE_BY_AT_LEAST;
    else if (verb?.verb === 'tăng') comparator = TargetComparator.INCREASE_BY_AT_LEAST;
    const start = verb ? verb.at : numberAt - (before?.[1].length ?? 0);
    const end = numberAt + whole.length;
    const phrase = original.slice(start, end + objectAfter(text, end).length);
    targets.push({
      at: start,
      end,
      target: {
        text: phrase.replace(/\s+/g, ' ').trim(),
        comparator: comparator ?? TargetComparator.AT_LEAST,
        value: numberOf(number, true),
        unit: '%',
      },
    });
  }
  for (const match of text.matchAll(COUNT)) {
    const [whole, word, number] = match;
    const at = match.index ?? 0;
    const written = original.slice(at, at + whole.length);
    if (WORD_CHAR.test(text[at - 1] ?? '')) continue;
    if (targets.some((known) => known.at <= at && at < known.end)) continue;
    targets.push({
      at,
      end: at + whole.length,
      target: { text: written, comparator: comparatorOf(word), value: numberOf(number, false), unit: written.slice(-match[3].length) },
    });
  }
  const seen = new Set<string>();
  return targets
    .sort((a, b) => a.at - b.at)
    .map(({ target }) => target)
    .filter((target) => !seen.has(target.text) && seen.add(target.text));
}
