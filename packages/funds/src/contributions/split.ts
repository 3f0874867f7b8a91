/** A member's share basis: its 出资比例 in basis points of 10,000. */
export interface Share {
  orgId: string;
  bp: number;
}

export interface SplitResult {
  /** Every member with a positive bp, in the input order, with its part (分). Members with 0 bp are left out. */
  parts: Array<{ orgId: string; bp: number; fen: number }>;
  /** The sum of the positive bps (10,000 when the ratios are complete). */
  bpTotal: number;
  /** True when the bps do not sum to 10,000: the parts were scaled to the bps' own total. */
  scaled: boolean;
}

/**
 * 各方筹 by 出资比例 (seed 003 mechanism 5): splits `amountFen` over the
 * members in proportion to their bps so that the parts sum EXACTLY to the
 * amount (largest remainder). Each member first gets floor(amount × bp / total);
 * the 分 left over go one each to the members with the largest remainders, ties
 * broken by the larger bp, then by the organization id (ascending) — so the
 * result depends on the inputs only, never on their order.
 *
 * When the bps do not sum to 10,000 (ratios not yet negotiated in full, or
 * over-committed), the amount is still split in proportion to the bps, i.e.
 * each bp is scaled by 10,000 / total; the caller says so (`scaled`).
 * Integer arithmetic throughout (BigInt: amount × bp may pass 2^53 in principle).
 */
export function splitByContribution(amountFen: number, shares: readonly Share[]): SplitResult {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new Error(`amount must be a non-negative integer of 分, got ${amountFen}`);
  const positive = shares.filter((s) => s.bp > 0);
  const bpTotal = positive.reduce((t, s) => t + s.bp, 0);
  if (bpTotal === 0) return { parts: [], bpTotal: 0, scaled: false };
  const total = BigInt(bpTotal);
  const amount = BigInt(amountFen);
  const rows = positive.map((s) => {
    const exact = amount * BigInt(s.bp);
    return { orgId: s.orgId, bp: s.bp, fen: Number(exact / total), rem: exact % total };
  });
  let left = amountFen - rows.reduce((t, r) => t + r.fen, 0);
  const order = [...rows].sort((x, y) => (x.rem === y.rem ? (x.bp === y.bp ? (x.orgId < y.orgId ? -1 : x.orgId > y.orgId ? 1 : 0) : y.bp - x.bp) : x.rem > y.rem ? -1 : 1));
  // left < number of members (each floor loses less than 1 分), so one pass suffices.
  for (const r of order) {
    if (left <= 0) break;
    r.fen += 1;
    left -= 1;
  }
  return { parts: rows.map(({ orgId, bp, fen }) => ({ orgId, bp, fen })), bpTotal, scaled: bpTotal !== 10_000 };
}
