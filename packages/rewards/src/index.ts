// The rewards capability (issue 12; seed 000 11.2.1, seed 004 四(二)(三)): the 以奖代补 allocation engine and reward rounds.
// Named exports only (ADR 0010).
export {
  allocate,
  diffAllocations,
  matchCityAwards,
  DESIGNATION_LABELS,
  GRADE_LABELS,
  GRADES,
  MAX_FEN,
  SHORTFALL_RULE_LABELS,
  STEP_CODES,
  type Allocation,
  type AllocationDiff,
  type AllocationInput,
  type AllocationLine,
  type AllocationMethod,
  type AllocationRules,
  type CityAward,
  type DiffChange,
  type DiffLine,
  type EligibilityRules,
  type Grade,
  type LineStatus,
  type MatchInput,
  type MatchLine,
  type MatchResult,
  type Recipient,
  type RecipientFacts,
  type ShortfallRule,
  type Step,
  type StepCode,
  type Uplift,
} from './allocate/index.ts';
export { roundSheetLines, roundWorkbook, ROUND_SHEET_COLUMNS, type RoundSheetLine, type RoundSheetView } from './export/round-workbook.ts';

// ── Reward rounds (lane: rounds) ────────────────────────────────────────────
export { createRound } from './rounds/create.ts';
export { updateRound } from './rounds/update.ts';
export { listRounds } from './rounds/list.ts';
export { getRound } from './rounds/get.ts';
export { simulateRound } from './rounds/simulate.ts';
export { publishedRows, publishRound } from './rounds/publish.ts';
export { computeRound } from './rounds/compute.ts';
export { correctRound } from './rounds/correct.ts';
export { roundTable } from './rounds/table.ts';
export { payDisbursement } from './rounds/pay.ts';
export { loadCandidates } from './rounds/candidates.ts';
export { exportRound } from './export/round-export.ts';
// ── City rounds and 配套 (lane: cityrounds, ADR 0025) ─────────────────────────
export { cityAwards } from './rounds/city-awards.ts';
export { countyMatching, computeMatching, ratioText } from './rounds/matching.ts';
export { matchingText } from './rounds/describe.ts';
export type { RoundsEnv } from './rounds/tenants.ts';
