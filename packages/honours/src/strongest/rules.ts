import type { ReviewGrade, RuleCheck } from '@ronghe/schema';

/** What the 最强党支部 rules look at (seed 004 三(四)), gathered from the year's accepted evaluation and the registry. */
export interface StrongestFacts {
  /** The branch's application for the year was accepted (验收通过) and not revoked. */
  standardized: boolean;
  annualReviewGrade: ReviewGrade | null;
  membersEvaluating: number | null;
  membersExcellent: number | null;
  residentsDissatisfiedVerified: number | null;
  departmentObjections: number | null;
  weakFlag: boolean;
}

/** The rules, in the order the seed states them; each says in Chinese what holds and what refuses. */
export const STRONGEST_RULES = [
  { code: 'standardized', pass: '本年度已验收为标准化规范化党支部', fail: '未达到标准化规范化（本年度无验收通过的考评），不得评定为"最强党支部"' },
  { code: 'annual_review_excellent', pass: '年度述职评议考核等次为优秀', fail: '年度述职评议考核评价等次达不到优秀，不得评定为"最强党支部"' },
  { code: 'members_excellent_90', pass: '党员评价优秀等次占参加评议党员总数 90% 以上', fail: '党员评价优秀等次所占比例达不到参加评议党员总数的 90%，不得评定为"最强党支部"' },
  { code: 'no_verified_dissatisfaction', pass: '无经查证属实的群众"不满意"评价', fail: '群众评价为"不满意"经查证属实，不得评定为"最强党支部"' },
  { code: 'no_department_objection', pass: '有关部门未反馈不符合创建标准的意见', fail: '有关部门反馈存在不符合创建标准的意见，不得评定为"最强党支部"' },
  { code: 'not_weak', pass: '未被列为软弱涣散党组织', fail: '该支部被列为软弱涣散党组织，不得评定为"最强党支部"' },
] as const;
export type StrongestRuleCode = (typeof STRONGEST_RULES)[number]['code'];

/** 90 % or more: compared in integers (excellent × 10 ≥ evaluating × 9), so exactly 90 % passes. */
export function membersExcellentEnough(excellent: number | null, evaluating: number | null): boolean {
  if (excellent === null || evaluating === null || evaluating <= 0) return false;
  return excellent * 10 >= evaluating * 9;
}

/** Every rule with pass/fail, in order (a rule with no data to look at fails). */
export function checkStrongest(f: StrongestFacts): RuleCheck[] {
  const passed: Record<StrongestRuleCode, boolean> = {
    standardized: f.standardized,
    annual_review_excellent: f.annualReviewGrade === '优秀',
    members_excellent_90: membersExcellentEnough(f.membersExcellent, f.membersEvaluating),
    no_verified_dissatisfaction: f.residentsDissatisfiedVerified === 0,
    no_department_objection: f.departmentObjections === 0,
    not_weak: !f.weakFlag,
  };
  return STRONGEST_RULES.map((r) => ({ code: r.code, passed: passed[r.code], sentence: passed[r.code] ? r.pass : r.fail }));
}
