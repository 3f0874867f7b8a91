// The funds capability (issue 12; seed 000 11.2.2, seed 003 mechanism 5): the alliance fund ledger (经费保障).
// Named exports only (ADR 0010).
export { recordFundEntry } from './ledger/record.ts';
export { reverseFundEntry } from './ledger/reverse.ts';
export { fundLedger } from './ledger/ledger.ts';
export { exportFundLedger } from './ledger/export.ts';
export { callContributions } from './contributions/call.ts';
export { splitByContribution } from './contributions/split.ts';
export { fundBalance } from './balance/balance.ts';
export { fundSummary } from './balance/summary.ts';
export { exportFundSummary } from './balance/summary-export.ts';
export { rewardPostingStatements, type RewardPosting } from './postings/reward.ts';
export { rewardPostingConsumer, REWARD_POSTING_SUMMARY } from './postings/reward-consumer.ts';
