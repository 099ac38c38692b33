// The calendar day deadline statuses count from: the registry's time zone decides it, not the server's clock zone.
import { describe, expect, it } from 'vitest';

import { todayIn } from '../../server/graphql/context';

describe('todayIn', () => {
  const eveningInUtc = new Date('2026-12-07T17:30:00Z');

  it('is the day in the given time zone, whichever zone was asked before', () => {
    expect(todayIn('UTC', eveningInUtc)).toBe('2026-12-07');
    expect(todayIn('Asia/Ho_Chi_Minh', eveningInUtc)).toBe('2026-12-08');
    expect(todayIn('America/New_York', eveningInUtc)).toBe('2026-12-07');
    expect(todayIn('UTC', eveningInUtc)).toBe('2026-12-07');
    expect(todayIn('Asia/Ho_Chi_Minh', new Date('2026-12-07T16:59:59Z'))).toBe('2026-12-07');
  });

  it('is today when no moment is given', () => {
    const before = new Date();
    const day = todayIn('UTC');
    expect([before.toISOString().slice(0, 10), new Date().toISOString().slice(0, 10)]).toContain(day);
  });
});
