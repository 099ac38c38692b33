// npm run accuracy: writes docs/import-accuracy.md, what the importer finds in each seed against what the seed holds
// (counted by hand in test/importer/fixtures), and lists what it misses.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type Accuracy, measure, type Score, SEEDS } from '../test/importer/accuracy';

const cell = (score: Score) => `${score.found} / ${score.expected}${score.extra ? ` (+${score.extra})` : ''}`;
const COLUMNS: [string, keyof Omit<Accuracy, 'seed' | 'missed'>][] = [
  ['Clauses', 'clauses'],
  ['References', 'references'],
  ['Assignments', 'assignments'],
  ['Deadlines', 'deadlines'],
  ['Targets', 'targets'],
  ['Recipients', 'recipients'],
];

const results = SEEDS.map((seed) => measure(seed));
const total = (key: (typeof COLUMNS)[number][1]): Score =>
  results.reduce(
    (sum, result) => ({
      expected: sum.expected + result[key].expected,
      found: sum.found + result[key].found,
      extra: sum.extra + result[key].extra,
    }),
    {
      expected: 0,
      found: 0,
      extra: 0,
    },
  );

const lines = [
  '# Import accuracy',
  '',
  'What the importer finds in each seed document, against what the document holds. The expected counts were made by',
  'reading each seed line by line and are kept in `test/importer/fixtures/<seed>.json` (with notes on every judgement',
  'call); `test/importer/accuracy.test.ts` fails when a count drops. Regenerate this page with `npm run accuracy`.',
  '',
  'A cell reads *found / expected*; *(+n)* counts proposals the hand count does not hold (for references, documents',
  'cited nowhere in the count; for tasks, tasks on clauses the count gives no such entry). An assignment is found when',
  'the task on that clause has the same leads, coordinators (names compared without accents and abbreviations) and',
  '"đề nghị" flag; a deadline when date, recurrence and phrase agree.',
  '',
  `| Seed | ${COLUMNS.map(([title]) => title).join(' | ')} |`,
  `|---|${COLUMNS.map(() => '---:').join('|')}|`,
  ...results.map((result) => `| ${result.seed} | ${COLUMNS.map(([, key]) => cell(result[key])).join(' | ')} |`),
  `| **all seeds** | ${COLUMNS.map(([, key]) => `**${cell(total(key))}**`).join(' | ')} |`,
  '',
  '## What the importer misses',
  '',
  ...results.flatMap((result) => [
    `### ${result.seed}`,
    '',
    ...(result.missed.length ? result.missed.map((entry) => `- ${entry}`) : ['Nothing.']),
    '',
  ]),
];
const target = join(__dirname, '..', 'docs', 'import-accuracy.md');
writeFileSync(target, `${lines.join('\n')}\n`);
console.log(`wrote ${target}`);
