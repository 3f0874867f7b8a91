// What other capabilities may read of the funds capability (ADR 0010).
//
// A reward round's disbursement posts to an alliance's ledger as 上级拨 through
// an event consumer; its entry's source key is `reward:<disbursement id>`
// (unique), so a redelivered event writes nothing the second time.
export const rewardSourceKey = (disbursementId: string): string => `reward:${disbursementId}`;

// The city's rollup (issue 13): the ledgers' income by source.
export { fundsRollup } from './rollup.ts';
