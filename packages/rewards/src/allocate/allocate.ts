// allocate: one 以奖代补 round's amounts, each explained to the 分 (issue 12;
// ADR 0020). Pure and deterministic: the same input gives the same output,
// explanations included, whatever the order of the recipients.
import { formatFen, validation, type FieldError } from '@ronghe/core';
import { demandOf } from './demand.ts';
import { distribute, type DistributeItem } from './distribute.ts';
import { ineligibility } from './eligibility.ts';
import { formatRatio } from './labels.ts';
import { GRADES, type Allocation, type AllocationInput, type AllocationLine, type Step } from './types.ts';

/** Largest amount the engine accepts (10^13 分 = 1,000 亿元): products of two stay far inside BigInt, sums inside Number. */
export const MAX_FEN = 10_000_000_000_000;

export function allocate(input: AllocationInput): Allocation {
  check(input);
  const { budgetFen, method, rules } = input;
  const cap = rules.capFen === undefined ? null : BigInt(rules.capFen);
  const budget = BigInt(budgetFen);

  // 1. Eligibility and demand, per recipient.
  type Work = { id: string; name: string; steps: Step[]; status: AllocationLine['status']; upper: bigint | null; weight: bigint; score?: number; capCut: boolean };
  const work: Work[] = input.recipients.map((r) => {
    const failed = ineligibility(r.facts, rules);
    if (failed.length) return { id: r.id, name: r.name, steps: failed, status: 'ineligible', upper: 0n, weight: 0n, capCut: false };
    const d = demandOf(r.facts, method, rules);
    const steps: Step[] = [{ code: 'eligible', text: '符合本轮奖补条件' }, ...d.steps];
    if (d.weight === 0n) return { id: r.id, name: r.name, steps, status: 'no_award', upper: 0n, weight: 0n, capCut: false };
    let upper = d.demand;
    let capCut = false;
    if (cap !== null && (upper === null || upper > cap)) {
      if (upper !== null) steps.push({ code: 'cap_demand', text: `应得 ${formatFen(upper)} 超过单个上限 ${formatFen(cap)}，按上限计 ${formatFen(cap)}` });
      upper = cap;
      capCut = true;
    }
    return { id: r.id, name: r.name, steps, status: 'awarded', upper, weight: d.weight, score: r.facts.scoreHundredths, capCut };
  });

  // 2. What the amounts will sum to: the budget, or the total demand when smaller.
  const awarded = work.filter((w) => w.status === 'awarded');
  const unbounded = awarded.some((w) => w.upper === null);
  const demand = unbounded ? null : awarded.reduce((s, w) => s + w.upper!, 0n);
  const target = demand === null || budget < demand ? budget : demand;
  const notes: Step[] = [];
  if (demand === null) notes.push({ code: 'scaled', text: `预算 ${formatFen(budget)} 全部按比例分配给 ${awarded.length} 个符合条件的单位` });
  else if (budget >= demand) {
    notes.push({ code: 'full', text: `预算 ${formatFen(budget)}，应得合计 ${formatFen(demand)}，全部足额核定${budget > demand ? `，结余 ${formatFen(budget - demand)}` : ''}` });
  } else notes.push({ code: 'scaled', text: `预算 ${formatFen(budget)} 不足应得合计 ${formatFen(demand)}，按比例分配` });

  // 3. Floors only when the budget covers every awarded recipient's floor (a floor never exceeds the recipient's upper bound).
  const floorOf = (w: Work): bigint => {
    if (rules.floorFen === undefined) return 0n;
    const f = BigInt(rules.floorFen);
    return w.upper !== null && w.upper < f ? w.upper : f;
  };
  const floorTotal = awarded.reduce((s, w) => s + floorOf(w), 0n);
  const floorsApplied = rules.floorFen !== undefined && rules.floorFen > 0 && awarded.length > 0 && floorTotal <= target;
  if (rules.floorFen && awarded.length && !floorsApplied) {
    notes.push({ code: 'floor_waived', text: `预算不足以保证每个单位单个下限 ${formatFen(rules.floorFen)}（合计 ${formatFen(floorTotal)}），本轮不执行下限` });
  }

  // 4. Division: everyone in full when the budget covers demand, else capped/floored proportional shares.
  const items: DistributeItem[] = awarded.map((w) => ({ id: w.id, weight: w.weight, upper: w.upper, floor: floorsApplied ? floorOf(w) : 0n, scoreHundredths: w.score }));
  const dist = distribute(items, target);
  const redistributed = dist.cutFen > 0n || dist.liftFen > 0n;
  if (dist.cutFen > 0n) notes.push({ code: 'redistributed', text: `超过单个上限削减的 ${formatFen(dist.cutFen)} 已在其余单位间按比例重新分配（共 ${dist.rounds} 轮）` });
  if (dist.liftFen > 0n) notes.push({ code: 'redistributed', text: `补足单个下限所需的 ${formatFen(dist.liftFen)} 由其余单位按比例让出（共 ${dist.rounds} 轮）` });

  const lines: AllocationLine[] = work.map((w) => {
    const t = dist.traces.get(w.id);
    const steps = [...w.steps];
    if (w.status === 'awarded' && t) {
      const share = t.shareNum / t.shareDen;
      const byDemand = demand !== null || method.kind !== 'proportional';
      if (demand !== null && budget >= demand) steps.push({ code: 'full', text: `预算充足，足额核定 ${formatFen(t.amount)}` });
      else if (t.fixed === 'upper') {
        steps.push({ code: 'capped', text: `按比例计 ${formatFen(share)}，超过单个上限 ${formatFen(t.amount)}，削减 ${formatFen(share - t.amount)} 并重新分配给其余单位` });
      } else if (t.fixed === 'floor') {
        steps.push({ code: 'floored', text: `按比例计 ${formatFen(share)}，低于单个下限 ${formatFen(t.amount)}，补足 ${formatFen(t.amount - share)}（由其余单位按比例让出）` });
      } else {
        if (redistributed) steps.push({ code: 'redistributed', text: '其他单位超过上限或补足下限的差额已按比例重新计入' });
        steps.push(
          byDemand
            ? { code: 'scaled', text: `预算不足，按应得的 ${formatRatio(t.shareNum, t.shareDen * w.weight)} 计 ${formatFen(share)}` }
            : { code: 'scaled', text: `按超出分值占比分配，每超出 1 分计 ${formatFen((t.shareNum * 100n) / (t.shareDen * w.weight))}，计 ${formatFen(share)}` },
        );
        if (t.plus > 0n) steps.push({ code: 'rounding', text: `尾差分配 +${formatFen(t.plus)}（按余数、得分、编号排序第 ${t.rank} 位）` });
      }
    }
    const amountFen = Number(t?.amount ?? 0n);
    if (w.status === 'awarded' && rules.floorFen && !floorsApplied) steps.push({ code: 'floor_waived', text: '预算不足以保证全部单位的单个下限，本轮不执行下限' });
    steps.push({ code: 'result', text: `核定金额 ${formatFen(amountFen)}` });
    return { id: w.id, name: w.name, status: w.status, demandFen: w.status === 'awarded' ? (w.upper === null ? null : Number(w.upper)) : 0, amountFen, steps };
  });
  const allocatedFen = lines.reduce((s, l) => s + l.amountFen, 0);
  return {
    budgetFen,
    demandFen: demand === null ? null : Number(demand),
    allocatedFen,
    unallocatedFen: budgetFen - allocatedFen,
    floorsApplied,
    rounds: awarded.length ? dist.rounds : 0,
    lines,
    notes,
  };
}

/** The engine's own guard: routes validate with zod first, so this names a programming or data error in Chinese. */
function check(input: AllocationInput): void {
  const errors: FieldError[] = [];
  const fen = (v: number | undefined, path: string, label: string) => {
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0 && v <= MAX_FEN)) errors.push({ path, message: `${label}须为 0 至 1,000 亿元之间的整数分` });
  };
  fen(input.budgetFen, 'budgetFen', '预算');
  fen(input.rules.capFen, 'rules.capFen', '单个上限');
  fen(input.rules.floorFen, 'rules.floorFen', '单个下限');
  if (input.rules.capFen !== undefined && input.rules.floorFen !== undefined && input.rules.floorFen > input.rules.capFen) {
    errors.push({ path: 'rules.floorFen', message: '单个下限不能高于单个上限' });
  }
  const m = input.method;
  if (m.kind === 'tiered_grade') for (const g of GRADES) fen(m.tiers[g], `method.tiers.${g}`, '档次金额');
  if (m.kind === 'tiered_designation') m.tiers.forEach((t, i) => fen(t.amountFen, `method.tiers.${i}.amountFen`, '档次金额'));
  if (m.kind === 'proportional') {
    if (!Number.isSafeInteger(m.thresholdHundredths)) errors.push({ path: 'method.thresholdHundredths', message: '基准线须为整数（百分之一分）' });
    fen(m.fenPerPoint, 'method.fenPerPoint', '每分金额');
  }
  if (m.kind === 'base_uplift') {
    fen(m.baseFen, 'method.baseFen', '一般保障标准');
    m.uplifts.forEach((u, i) => {
      if (u.percentBp !== undefined && !(Number.isSafeInteger(u.percentBp) && u.percentBp >= 0 && u.percentBp <= 1_000_000)) {
        errors.push({ path: `method.uplifts.${i}.percentBp`, message: '上浮比例须为 0 至 10000% 之间的整数万分比' });
      }
      fen(u.fixedFen, `method.uplifts.${i}.fixedFen`, '一次性奖补');
    });
  }
  const seen = new Set<string>();
  input.recipients.forEach((r, i) => {
    if (seen.has(r.id)) errors.push({ path: `recipients.${i}.id`, message: `单位“${r.name}”重复出现` });
    seen.add(r.id);
    const s = r.facts.scoreHundredths;
    if (s !== undefined && !Number.isSafeInteger(s)) errors.push({ path: `recipients.${i}.facts.scoreHundredths`, message: '得分须为整数（百分之一分）' });
  });
  if (errors.length) throw validation(errors, '奖补分配参数有误');
}
