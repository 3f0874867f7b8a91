import { formatFen } from '@ronghe/core';
import type { AllocationLineView, SimulationSnapshot } from '@ronghe/schema';
import { designationLabel, formatScore, GRADE_LABELS } from '../allocate/labels.ts';
import type { Allocation, AllocationRules, Recipient, RecipientFacts } from '../allocate/types.ts';
import { countyName } from './tenants.ts';

export const LINE_STATUS_LABELS: Record<AllocationLineView['status'], string> = { ineligible: '不符合条件', no_award: '未获奖补', awarded: '获得奖补' };

/** What a recipient was weighed on, in plain Chinese (the 依据 column). */
export function basisOf(f: RecipientFacts, rules: Pick<AllocationRules, 'designationLabels'>): string {
  const parts: string[] = [];
  if (f.grade) parts.push(`考核${GRADE_LABELS[f.grade]}`);
  if (f.scoreHundredths !== undefined) parts.push(formatScore(f.scoreHundredths));
  for (const d of f.designations) parts.push(designationLabel(d, rules));
  if (f.underRectification) parts.push('整顿中');
  if (!f.memberReportOk) parts.push('双报到未完成');
  return parts.length ? parts.join('；') : '无考核结果或荣誉';
}

/**
 * The compact record a simulation leaves for the next one to compare with:
 * the recipients awarded something, with their amounts (a recipient absent
 * got nothing). A county weighs hundreds of branches and pays a few dozen, so
 * the row stays small whatever the county's size.
 */
export function snapshotOf(a: Allocation, at: number): SimulationSnapshot {
  const amounts: SimulationSnapshot['amounts'] = {};
  for (const l of a.lines) if (l.amountFen > 0) amounts[l.id] = { name: l.name, amountFen: l.amountFen };
  return { at, budgetFen: a.budgetFen, allocatedFen: a.allocatedFen, amounts };
}

/** Whether two simulations gave every recipient the same amount (nobody newly awarded or dropped). */
export function sameAmounts(x: SimulationSnapshot, y: SimulationSnapshot): boolean {
  const xs = Object.keys(x.amounts);
  if (xs.length !== Object.keys(y.amounts).length || x.budgetFen !== y.budgetFen) return false;
  // 配套 too (ADR 0025): what the county matches must be what it looked at.
  const xm = x.matched ?? {};
  const ym = y.matched ?? {};
  if (Object.keys(xm).length !== Object.keys(ym).length || Object.keys(xm).some((id) => ym[id] !== xm[id])) return false;
  return xs.every((id) => y.amounts[id]?.amountFen === x.amounts[id]!.amountFen);
}

/** The table's lines for an allocation, with each amount's previous value when there is a previous simulation. */
export function linesOf(a: Allocation, recipients: Recipient[], rules: AllocationRules, previous: SimulationSnapshot | null): AllocationLineView[] {
  const facts = new Map(recipients.map((r) => [r.id, r.facts]));
  const tenants = new Map(recipients.map((r) => [r.id, r.tenant ?? null]));
  return a.lines.map((l) => ({
    recipientId: l.id,
    recipientName: l.name,
    recipientTenant: tenants.get(l.id) ?? null,
    countyName: countyName(tenants.get(l.id)),
    status: l.status,
    statusLabel: LINE_STATUS_LABELS[l.status],
    basis: basisOf(facts.get(l.id)!, rules),
    demandFen: l.demandFen,
    amountFen: l.amountFen,
    steps: l.steps,
    previousFen: previous ? (previous.amounts[l.id]?.amountFen ?? 0) : null,
    disbursement: null,
  }));
}

/** What changed since the previous simulation: amounts that moved, recipients newly awarded (added) and those no longer awarded (removed). */
export function diffOf(previous: SimulationSnapshot | null, next: SimulationSnapshot) {
  if (!previous) return null;
  const added = Object.keys(next.amounts).filter((id) => !(id in previous.amounts)).map((id) => next.amounts[id]!.name);
  const removed = Object.keys(previous.amounts).filter((id) => !(id in next.amounts)).map((id) => previous.amounts[id]!.name);
  const changed = Object.keys(next.amounts).filter((id) => id in previous.amounts && previous.amounts[id]!.amountFen !== next.amounts[id]!.amountFen).length;
  return { previousAt: previous.at, previousBudgetFen: previous.budgetFen, previousAllocatedFen: previous.allocatedFen, changed, added, removed };
}

/** "预算 100,000.00 元，分配 98,000.00 元" for audit rows and notes. */
export const budgetLine = (a: Pick<Allocation, 'budgetFen' | 'allocatedFen'>) => `预算 ${formatFen(a.budgetFen)}，分配 ${formatFen(a.allocatedFen)}`;
