import { describe, expect, it } from 'vitest';
import { checkStrongest, membersExcellentEnough, type StrongestFacts } from './rules.ts';

// Seed 004 三(四): 党员评价优秀等次所占比例达不到参加评议党员总数 90% 以上的，不得评定为"最强党支部" — 90 % itself passes.
describe('90 % of the evaluating members rated 优秀', () => {
  it.each([
    [18, 20, true], // 90 % exactly
    [9, 10, true], // 90 % exactly
    [17, 20, false], // 85 %
    [26, 29, false], // 89.66 %
    [27, 30, true], // 90 %
    [1, 1, true],
    [0, 1, false],
  ])('%i of %i → %s', (excellent, evaluating, ok) => expect(membersExcellentEnough(excellent, evaluating)).toBe(ok));
  it('no evaluation, or nobody evaluated: not met', () => {
    expect(membersExcellentEnough(null, 20)).toBe(false);
    expect(membersExcellentEnough(0, 0)).toBe(false);
  });
});

describe('the rule check', () => {
  const passing: StrongestFacts = { standardized: true, annualReviewGrade: '优秀', membersEvaluating: 20, membersExcellent: 18, residentsDissatisfiedVerified: 0, departmentObjections: 0, weakFlag: false };
  it('every rule passes on passing facts, in the seed order', () => {
    expect(checkStrongest(passing).map((r) => [r.code, r.passed])).toEqual([
      ['standardized', true],
      ['annual_review_excellent', true],
      ['members_excellent_90', true],
      ['no_verified_dissatisfaction', true],
      ['no_department_objection', true],
      ['not_weak', true],
    ]);
  });
  it.each<[Partial<StrongestFacts>, string]>([
    [{ standardized: false }, 'standardized'],
    [{ annualReviewGrade: '良好' }, 'annual_review_excellent'],
    [{ membersExcellent: 17 }, 'members_excellent_90'],
    [{ residentsDissatisfiedVerified: 1 }, 'no_verified_dissatisfaction'],
    [{ departmentObjections: 1 }, 'no_department_objection'],
    [{ weakFlag: true }, 'not_weak'],
  ])('%o fails exactly %s, with a sentence saying 不得评定', (change, code) => {
    const failed = checkStrongest({ ...passing, ...change }).filter((r) => !r.passed);
    expect(failed.map((r) => r.code)).toEqual([code]);
    expect(failed[0]!.sentence).toContain('不得评定为"最强党支部"');
  });
});
