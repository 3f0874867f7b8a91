export type {
  Allocation,
  AssignResult,
  AssignStats,
  ConstraintName,
  CostFactor,
  CostFactorName,
  Locality,
  MatchNeed,
  MatchOptions,
  MatchResource,
  Place,
  Suggestion,
  Urgency,
  Violation,
} from './types.ts';
export { MatchingInputError } from './types.ts';
export { URGENCY_WEIGHT } from './weights.ts';
export {
  DEADLINE_STEP_COST,
  DISTANCE_BANDS,
  LOCALITY_COST,
  LOCALITY_LABEL,
  OTHER_ALLIANCE_COST,
  loadCost,
  tightness,
} from './cost.ts';
export { distanceM, explainPair } from './feasibility.ts';
export { prepareCandidates, suggest, suggestFromPool, type CandidatePool, type SuggestOptions } from './suggest.ts';
export { assign, type AssignProbe } from './assign.ts';
export { greedyAssign, type GreedyResult } from './greedy.ts';
