import type { QuotaRowInput } from './compliance-rules.ts';

/**
 * The default plan: seed 000 9.2's 五个一 — "组建1个'学习强国'联合学习群，每年至少
 * 开展1次联合走访慰问活动、组织1次联合主题党日活动、解决1批实际问题、开展1次互学互评互访活动".
 * The study group is "one standing group": we model it as at least one joint
 * study activity per year (the group's forming or its first joint study), so
 * the year shows whether the group exists and works. Alliances change the plan
 * (seed 003: 协商确定活动内容和频次).
 */
export const DEFAULT_PLAN: readonly QuotaRowInput[] = [
  { kind: 'joint_study', period: 'year', required: 1 },
  { kind: 'joint_visit', period: 'year', required: 1 },
  { kind: 'joint_theme_day', period: 'year', required: 1 },
  { kind: 'practical_matters', period: 'year', required: 1 },
  { kind: 'mutual_review', period: 'year', required: 1 },
];

/** Seed 003's variant, offered in the editor: founding rally, party lesson, monthly visits, quarterly theme days, half-yearly mutual inspection. */
export const SEED_003_PLAN: readonly QuotaRowInput[] = [
  { kind: 'founding_rally', period: 'year', required: 1 },
  { kind: 'party_lesson', period: 'year', required: 1 },
  { kind: 'joint_visit', period: 'month', required: 1 },
  { kind: 'joint_theme_day', period: 'quarter', required: 1 },
  { kind: 'mutual_inspection', period: 'half', required: 1 },
];
