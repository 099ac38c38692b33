// The importer against the hand counts of each seed (test/importer/fixtures): what it reads exactly must stay exact,
// and what it reads in part (tasks) must not slip below what docs/import-accuracy.md reports.
import { describe, expect, it } from 'vitest';

import { measure, type Seed, seedFixture, SEEDS } from './accuracy';

/** Found, at least, of the hand-counted assignments, deadlines and targets (raise these when the importer improves). */
const TASK_FLOORS: Record<Seed, { assignments: number; deadlines: number; targets: number }> = {
  'dak-nong-kh-19-2025-quy-dinh-183': { assignments: 18, deadlines: 6, targets: 0 },
  'gia-lai-kh-2025-quy-dinh-183': { assignments: 19, deadlines: 6, targets: 0 },
  'thanh-uy-chi-thi-quy-dinh-183': { assignments: 10, deadlines: 2, targets: 0 },
  'tuyen-quang-kh-bcd138-2024': { assignments: 42, deadlines: 6, targets: 8 },
  'vinh-phuc-kh-chi-thi-39-ttg': { assignments: 12, deadlines: 5, targets: 0 },
};

describe.each(SEEDS)('%s against its hand count', (seed) => {
  const accuracy = measure(seed);
  const fixture = seedFixture(seed);

  it('finds every clause, reference and recipient, and nothing else', () => {
    expect(accuracy.missed.filter((entry) => /^(clause|reference|recipient) /.test(entry))).toEqual([]);
    expect([accuracy.clauses.extra, accuracy.references.extra, accuracy.recipients.extra]).toEqual([0, 0, 0]);
    expect(accuracy.clauses.found).toBe(fixture.clauses.count);
  });

  it('finds at least the assignments, deadlines and targets it found when docs/import-accuracy.md was written', () => {
    const floor = TASK_FLOORS[seed];
    expect({ assignments: accuracy.assignments.found, deadlines: accuracy.deadlines.found, targets: accuracy.targets.found }).toEqual({
      assignments: expect.toSatisfy((found: number) => found >= floor.assignments),
      deadlines: expect.toSatisfy((found: number) => found >= floor.deadlines),
      targets: expect.toSatisfy((found: number) => found >= floor.targets),
    });
  });
});
