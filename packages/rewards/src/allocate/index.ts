// The 以奖代补 allocation engine (ADR 0020): pure TypeScript, no D1, no Hono.
export * from './types.ts';
export { allocate, MAX_FEN } from './allocate.ts';
export { matchCityAwards, SHORTFALL_RULE_LABELS, type CityAward, type MatchInput, type MatchLine, type MatchResult, type ShortfallRule } from './match.ts';
export { diffAllocations, type AllocationDiff, type DiffChange, type DiffLine } from './diff.ts';
export { DESIGNATION_LABELS, GRADE_LABELS } from './labels.ts';
