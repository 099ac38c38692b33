// How much of what a seed holds (counted by hand, test/importer/fixtures/<seed>.json) the importer finds. Shared by
// the accuracy test, which keeps the counts from slipping, and by `npm run accuracy`, which writes the report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { nameKey } from '../../server/modules/importer/agency-names';
import type { DocumentDraft } from '../../server/modules/importer/draft';
import { flattenClauses } from '../../server/modules/importer/parse-clauses';
import { parseDocument } from '../../server/modules/importer/parse-document';

export const SEEDS = [
  'dak-nong-kh-19-2025-quy-dinh-183',
  'gia-lai-kh-2025-quy-dinh-183',
  'thanh-uy-chi-thi-quy-dinh-183',
  'tuyen-quang-kh-bcd138-2024',
  'vinh-phuc-kh-chi-thi-39-ttg',
] as const;
export type Seed = (typeof SEEDS)[number];

export interface SeedFixture {
  header: {
    kind: string | null;
    symbol: string | null;
    issuedOn: string | null;
    place: string | null;
    title: string | null;
    issuer: string | null;
    signer: { name: string | null; title: string | null } | null;
  };
  references: {
    relation: string;
    kind: string;
    symbol: string;
    issuedOn: string | null;
    issuer: string | null;
    citedBySymbol: string | null;
  }[];
  clauses: { topLevelLabels: string[]; count: number; paths: string[] };
  assignments: { clausePath: string; leads: string[]; coordinators: string[]; requested: boolean; inherited: boolean }[];
  deadlines: { clausePath: string; text: string; date: string | null; recurrence: string }[];
  targets: { clausePath: string; text: string }[];
  reporting: { clausePath: string; to: string; via: string | null }[];
  recipients: { name: string; purpose: string | null }[];
}

const root = join(__dirname, '..', '..');
export const seedText = (seed: Seed) => readFileSync(join(root, 'server', 'demo', 'seeds', `${seed}.txt`), 'utf8');
export const seedFixture = (seed: Seed): SeedFixture => JSON.parse(readFileSync(join(__dirname, 'fixtures', `${seed}.json`), 'utf8'));

/** Found of expected, and what the importer proposed that the count does not hold. */
export interface Score {
  expected: number;
  found: number;
  extra: number;
}

export interface Accuracy {
  seed: Seed;
  clauses: Score;
  references: Score;
  assignments: Score;
  deadlines: Score;
  targets: Score;
  recipients: Score;
  /** Fixture entries the importer missed, for the report. */
  missed: string[];
}

const sameNames = (a: string[], b: string[]) => {
  const keys = (names: string[]) => names.map(nameKey).sort().join('|');
  return keys(a) === keys(b);
};

function score<E, F>(expected: E[], found: F[], matches: (e: E, f: F) => boolean, describe: (e: E) => string, missed: string[]): Score {
  const used = new Set<number>();
  let hits = 0;
  for (const entry of expected) {
    const index = found.findIndex((candidate, i) => !used.has(i) && matches(entry, candidate));
    if (index >= 0) {
      used.add(index);
      hits++;
    } else missed.push(describe(entry));
  }
  return { expected: expected.length, found: hits, extra: found.length - used.size };
}

export function measure(seed: Seed, draft: DocumentDraft = parseDocument(seedText(seed))): Accuracy {
  const fixture = seedFixture(seed);
  const missed: string[] = [];
  const paths = flattenClauses(draft.clauses).map((clause) => clause.path);
  const tasks = draft.tasks;
  // A reference the count holds once may stand in the draft as a chain link and a citation: each is matched once.
  const references = score(
    fixture.references,
    draft.references,
    (e, f) => e.symbol === f.symbol && e.relation === f.relation && (e.citedBySymbol ?? null) === (f.citedBySymbol ?? null),
    (e) => `reference ${e.relation} ${e.symbol}${e.citedBySymbol ? ` from ${e.citedBySymbol}` : ''}`,
    missed,
  );
  // A reference the draft adds for a document it also reaches through a chain is not an error.
  references.extra = draft.references.filter((f) => !fixture.references.some((e) => e.symbol === f.symbol)).length;
  return {
    seed,
    clauses: score(
      fixture.clauses.paths,
      paths,
      (e, f) => e === f,
      (e) => `clause ${e}`,
      missed,
    ),
    references,
    assignments: score(
      fixture.assignments,
      tasks.filter((task) => task.leads.length + task.coordinators.length > 0),
      (e, f) =>
        e.clausePath === f.clausePath &&
        sameNames(e.leads, f.leads) &&
        sameNames(e.coordinators, f.coordinators) &&
        e.requested === f.requested,
      (e) => `assignment ${e.clausePath}: ${e.leads.join(', ')}${e.coordinators.length ? ` with ${e.coordinators.join(', ')}` : ''}`,
      missed,
    ),
    deadlines: score(
      fixture.deadlines,
      tasks.filter((task) => task.due.text || task.recurrence !== 'NONE'),
      (e, f) =>
        e.clausePath === f.clausePath &&
        (e.date ?? null) === (f.due.date ?? null) &&
        e.recurrence === f.recurrence &&
        (f.due.text ?? '').toLocaleLowerCase('vi').includes(e.text.toLocaleLowerCase('vi').slice(0, 12)),
      (e) => `deadline ${e.clausePath}: ${e.text}`,
      missed,
    ),
    targets: score(
      fixture.targets,
      tasks.flatMap((task) => task.targets.map((target) => ({ ...target, clausePath: task.clausePath }))),
      (e, f) => e.clausePath === f.clausePath && (e.text.includes(f.text) || f.text.includes(e.text)),
      (e) => `target ${e.clausePath}: ${e.text}`,
      missed,
    ),
    recipients: score(
      fixture.recipients,
      draft.recipients,
      (e, f) => e.name === f.name && (e.purpose ?? null) === (f.purpose ?? null),
      (e) => `recipient ${e.name}`,
      missed,
    ),
    missed,
  };
}
