// Box-constrained proportional division with exact integers (ADR 0020):
// every item gets weight × λ clamped to [floor, upper], the amounts summing
// exactly to `target`. Iterative: each round shares what is left among the
// items not yet fixed; items whose share crosses their upper bound (cap) or
// falls below their floor are fixed there and the rest is shared again, until
// no share crosses a bound. When a round has both kinds, the side with the
// larger total violation is fixed first (the other side may resolve itself
// once the first is fixed). The last round rounds down to the 分 and hands the
// few 分 left over by largest remainder (Hamilton), ties broken by higher
// score, then by id (code-unit order) — deterministic and order-free.

export interface DistributeItem {
  id: string;
  /** Positive: what the share is proportional to. */
  weight: bigint;
  /** Upper bound in 分 (cap or demand); null: none. */
  upper: bigint | null;
  /** Lower bound in 分 (0 without a floor); never above `upper`. */
  floor: bigint;
  /** Tie-break after the remainder; higher first, absent lowest. */
  scoreHundredths?: number;
}

export interface DistributeTrace {
  amount: bigint;
  /** Where the item ended: fixed at its upper bound, at its floor, or shared in the last round. */
  fixed: 'upper' | 'floor' | null;
  /** The round (1-based) the item was fixed or shared in. */
  round: number;
  /** Its proportional share in that round, as num/den 分. */
  shareNum: bigint;
  shareDen: bigint;
  /** Last-round items: the 分 given by largest remainder (0 or 1) and the rank in remainder order (1-based). */
  plus: bigint;
  rank: number;
}

export interface Distribution {
  traces: Map<string, DistributeTrace>;
  rounds: number;
  /** Sum over capped items of (share − upper), truncated to the 分: what caps cut and others received. */
  cutFen: bigint;
  /** Sum over floored items of (floor − share), truncated to the 分: what floors lifted and others gave. */
  liftFen: bigint;
}

/** Callers guarantee Σ floor ≤ target ≤ Σ upper (an unbounded item makes Σ upper infinite). */
export function distribute(items: readonly DistributeItem[], target: bigint): Distribution {
  const traces = new Map<string, DistributeTrace>();
  let active = [...items];
  let remaining = target;
  let rounds = 0;
  let cutFen = 0n;
  let liftFen = 0n;
  for (;;) {
    rounds++;
    if (active.length === 0) break;
    const total = active.reduce((s, i) => s + i.weight, 0n);
    const over: DistributeItem[] = [];
    const under: DistributeItem[] = [];
    let excess = 0n;
    let deficit = 0n;
    for (const item of active) {
      const num = remaining * item.weight;
      if (item.upper !== null && num > item.upper * total) {
        over.push(item);
        excess += num - item.upper * total;
      } else if (num < item.floor * total) {
        under.push(item);
        deficit += item.floor * total - num;
      }
    }
    if (over.length === 0 && under.length === 0) {
      finalRound(active, remaining, total, rounds, traces);
      return { traces, rounds, cutFen, liftFen };
    }
    const fixing = new Set<DistributeItem>();
    if (excess >= deficit) for (const item of over) fixing.add(item);
    if (excess <= deficit) for (const item of under) fixing.add(item);
    for (const item of fixing) {
      const num = remaining * item.weight;
      const atUpper = item.upper !== null && num > item.upper * total;
      const amount = atUpper ? item.upper! : item.floor;
      if (atUpper) cutFen += num / total - amount;
      else liftFen += amount - num / total;
      traces.set(item.id, { amount, fixed: atUpper ? 'upper' : 'floor', round: rounds, shareNum: num, shareDen: total, plus: 0n, rank: 0 });
    }
    for (const item of fixing) remaining -= traces.get(item.id)!.amount;
    active = active.filter((i) => !fixing.has(i));
  }
  // Every item fixed: only possible when the bounds used the target up exactly.
  if (remaining !== 0n) throw new Error(`distribute: ${remaining} 分 left with no item to take it`);
  return { traces, rounds: rounds - 1, cutFen, liftFen };
}

function finalRound(active: readonly DistributeItem[], remaining: bigint, total: bigint, round: number, traces: Map<string, DistributeTrace>): void {
  const rows = active.map((item) => {
    const num = remaining * item.weight;
    return { item, num, base: num / total, rem: num % total };
  });
  let left = remaining - rows.reduce((s, r) => s + r.base, 0n);
  const order = [...rows].sort(
    (a, b) =>
      (a.rem === b.rem ? 0 : a.rem > b.rem ? -1 : 1) ||
      (b.item.scoreHundredths ?? Number.MIN_SAFE_INTEGER) - (a.item.scoreHundredths ?? Number.MIN_SAFE_INTEGER) ||
      (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
  order.forEach((r, index) => {
    // Only items with a remainder can be among the first `left` (left < number of non-zero remainders),
    // so the extra 分 never lifts a share past its upper bound (an integer above a non-integer share).
    const plus = left > 0n ? 1n : 0n;
    left -= plus;
    traces.set(r.item.id, { amount: r.base + plus, fixed: null, round, shareNum: r.num, shareDen: total, plus, rank: index + 1 });
  });
}
