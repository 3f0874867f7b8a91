// The rewards capability (issue 12; seed 000 11.2.1, seed 004 四(二)(三)): the 以奖代补 allocation engine and reward rounds.
// Named exports only (ADR 0010).

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
