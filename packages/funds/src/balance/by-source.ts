import type { FundBySource, FundSource } from '@ronghe/schema';

export const emptyBySource = (): FundBySource => ({ allocation: 0, contribution: 0, party_fee: 0, other: 0 });

/** Adds an income group's sum to its source. */
export function addSource(b: FundBySource, source: FundSource | null, fen: number): void {
  if (source) b[source] += fen;
}
