import { describe, expect, it } from 'vitest';
import { consequencesOf } from './finalize.ts';
import { gradeOf, ratioRaw, totalScore } from './scoring.ts';

// The assessment's arithmetic and what a grade carries, by hand.

describe('scoring arithmetic (pure)', () => {
  it('ratio × max in hundredths, half up; the total summed exactly and rounded once', () => {
    expect(ratioRaw(3, 4, 10)).toBe(750); // 3/4 × 10 = 7.5
    expect(ratioRaw(1, 3, 10)).toBe(333); // 3.333… → 3.33
    expect(ratioRaw(2, 3, 10)).toBe(667); // 6.666… → 6.67
    expect(ratioRaw(0, 0, 10)).toBe(0);
    // Three lines of 1/3 each on weight 33, 33, 34 of max 3: raw 100 each = 1/3 of max → 11 + 11 + 11.333… = 33.333… → 3333.
    expect(totalScore([{ raw: 100, maxScore: 3, weight: 33 }, { raw: 100, maxScore: 3, weight: 33 }, { raw: 100, maxScore: 3, weight: 34 }])).toBe(3333);
    expect(gradeOf(9000, { excellent: 9000, good: 8000, fair: 6000 })).toBe('excellent');
    expect(gradeOf(8999, { excellent: 9000, good: 8000, fair: 6000 })).toBe('good');
    expect(gradeOf(5999, { excellent: 9000, good: 8000, fair: 6000 })).toBe('poor');
  });
});

describe('consequences of a grade (seed 000 8.2, seed 003)', () => {
  it('优秀: eligible and a 提级晋位 candidate; 较差 after 较差: rectification and a dissolution proposal; 较差 after 一般: rectification only', () => {
    expect(consequencesOf('excellent', null, [])).toMatchObject({ eligible: true, promotionCandidate: true, rectification: false, dissolutionProposal: false });
    expect(consequencesOf('poor', 'poor', [])).toMatchObject({ eligible: false, rectification: true, dissolutionProposal: true });
    expect(consequencesOf('poor', 'fair', [])).toMatchObject({ eligible: false, rectification: true, dissolutionProposal: false });
    expect(consequencesOf('good', null, [{ orgId: 'org_x', name: '某局机关党支部', reason: '机关未结对共建' }]).summary).toContain('未完成“双报到”的成员单位不得评先评优：某局机关党支部');
  });
});
