// diffAllocations: what changed between two simulations of a round (issue 12:
// "change budget or rules and see the table and the differences from the last
// simulation"). Recipients are matched by id; lines keep the new allocation's
// order, removed recipients follow in the old order.
import type { Allocation } from './types.ts';

export type DiffChange = 'added' | 'removed' | 'changed' | 'same';

export interface DiffLine {
  id: string;
  name: string;
  oldFen: number | null;
  newFen: number | null;
  /** new − old, a missing side counting as 0. */
  deltaFen: number;
  change: DiffChange;
}

export interface AllocationDiff {
  lines: DiffLine[];
  totals: { oldFen: number; newFen: number; deltaFen: number };
  counts: Record<DiffChange, number>;
}

type Side = Pick<Allocation, 'lines'>;

export function diffAllocations(previous: Side, next: Side): AllocationDiff {
  const before = new Map(previous.lines.map((l) => [l.id, l]));
  const after = new Set(next.lines.map((l) => l.id));
  const lines: DiffLine[] = next.lines.map((l) => {
    const old = before.get(l.id);
    if (!old) return { id: l.id, name: l.name, oldFen: null, newFen: l.amountFen, deltaFen: l.amountFen, change: 'added' };
    const delta = l.amountFen - old.amountFen;
    return { id: l.id, name: l.name, oldFen: old.amountFen, newFen: l.amountFen, deltaFen: delta, change: delta === 0 ? 'same' : 'changed' };
  });
  for (const l of previous.lines) {
    if (!after.has(l.id)) lines.push({ id: l.id, name: l.name, oldFen: l.amountFen, newFen: null, deltaFen: -l.amountFen, change: 'removed' });
  }
  const oldFen = previous.lines.reduce((s, l) => s + l.amountFen, 0);
  const newFen = next.lines.reduce((s, l) => s + l.amountFen, 0);
  const counts: Record<DiffChange, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const l of lines) counts[l.change]++;
  return { lines, totals: { oldFen, newFen, deltaFen: newFen - oldFen }, counts };
}
