// The points capability (issue 11). Named exports only (ADR 0010).
export { pointsConsumer, pointsStatementsOf } from './consumer/consumer.ts';
export { AWARDS, awardsOf, type AwardClaim } from './consumer/awards.ts';
export { DEFAULT_RULES, defaultRuleId, defaultRulesSql, type RuleSpec } from './rules/defaults.ts';
export { listPointRules } from './rules/list.ts';
export { pointRuleHistory } from './rules/history.ts';
export { updatePointRule } from './rules/update.ts';
export { awardPoints } from './ledger/award.ts';
export { compensateEntry } from './ledger/compensate.ts';
export { listPointEntries } from './ledger/list.ts';
export { leaderboard, ranked } from './boards/leaderboard.ts';
export { myPoints } from './boards/my-points.ts';
export { branchPoints, personPoints } from './read.ts';
export { capMonths, fullHours, periodOf } from './shared/period.ts';
