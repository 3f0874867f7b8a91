import { describe, expect, it } from 'vitest';
import { tallies } from './list.ts';

// The committee's tally, by hand: averages in hundredths, rounded half up.
describe('四评 tallies', () => {
  it('counts, averages and levels per group; a group with no answer has no average', () => {
    const out = tallies([
      { raterGroup: 'member', score: 90, level: 'excellent' },
      { raterGroup: 'member', score: 85, level: 'good' },
      { raterGroup: 'member', score: 86, level: 'good' },
      { raterGroup: 'resident', score: 100, level: 'satisfied' },
      { raterGroup: 'resident', score: 0, level: 'dissatisfied' },
      { raterGroup: 'resident', score: 1, level: 'dissatisfied' },
    ]);
    // (90 + 85 + 86) / 3 = 87.00; (100 + 0 + 1) / 3 = 33.666… → 33.67.
    expect(out.find((t) => t.group === 'member')).toEqual({ group: 'member', count: 3, average: 8700, levels: { excellent: 1, good: 2 } });
    expect(out.find((t) => t.group === 'resident')).toEqual({ group: 'resident', count: 3, average: 3367, levels: { satisfied: 1, dissatisfied: 2 } });
    expect(out.find((t) => t.group === 'committee')).toEqual({ group: 'committee', count: 0, average: null, levels: {} });
    expect(out.map((t) => t.group)).toEqual(['committee', 'member', 'resident', 'department', 'member_org']);
  });
});
