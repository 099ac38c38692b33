// bench:gc reads V8's --trace-gc-nvp lines; a change in their shape must fail here, not print zeros.
import { describe, expect, it } from 'vitest';

import { parseGcTrace, summarizeGc } from '../../bench/gc';

// Two scavenges and a mark-compact as Node 20 prints them (fields cut short), between lines of the server's own.
const TRACE = `Directive registry ready: http://127.0.0.1:4000/graphql
[6563:0x3e9818c0]     6186 ms: pause=3.6 mutator=116.8 gc=s reduce_memory=0 time_to_safepoint=0.00 scavenge=3.34 scavenge.parallel=2.70 total_size_before=70403232 total_size_after=43064352 allocated=28370944 promoted=682176 new_space_survived=1374264 promotion_ratio=2.3% average_survival_ratio=11.9%
[6563:0x3e9818c0]     6302 ms: pause=3.2 mutator=112.9 gc=s reduce_memory=0 time_to_safepoint=0.00 scavenge=2.80 allocated=28468712 promoted=794728 new_space_survived=1069360 promotion_ratio=2.7%
[6563:0x3e9818c0]     8479 ms: pause=7.8 mutator=2160.4 gc=mc reduce_memory=0 time_to_safepoint=0.01 mark=5.12 incremental.steps_count=20 allocated=3145728 promoted=0 new_space_survived=0
`;

describe('bench:gc', () => {
  it('reads each collection with its kind and fields, and nothing else', () => {
    const events = parseGcTrace(TRACE);
    expect(events.map((event) => event.kind)).toEqual(['s', 's', 'mc']);
    expect(events[0].fields).toMatchObject({ pause: 3.6, allocated: 28370944, promoted: 682176, 'scavenge.parallel': 2.7 });
  });

  it('counts pauses by kind and amounts per request from the scavenges', () => {
    const summary = summarizeGc(parseGcTrace(TRACE), 100);
    expect(summary.scavenges).toMatchObject({ count: 2, medianMs: 3.6, maxMs: 3.6 });
    expect(summary.scavenges.totalMs).toBeCloseTo(6.8, 6);
    expect(summary.markCompacts).toMatchObject({ count: 1, maxMs: 7.8 });
    expect(summary.allocatedKbPerRequest).toBeCloseTo((28370944 + 28468712) / 100 / 1024, 6);
    expect(summary.promotedKbPerRequest).toBeCloseTo((682176 + 794728) / 100 / 1024, 6);
    expect(summary.survivedKbPerRequest).toBeCloseTo((1374264 + 1069360) / 100 / 1024, 6);
  });
});
