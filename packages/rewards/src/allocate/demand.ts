// What each method asks for one eligible recipient (issue 12 methods 1–3,
// seed 004 四(三)), with the steps that say why. `weight` is what a short
// budget is shared by: the demand itself, or for the rate-less proportional
// method the points above the threshold.
import { formatFen } from '@ronghe/core';
import { GRADE_LABELS, designationLabel, formatBp, formatScore } from './labels.ts';
import type { AllocationMethod, AllocationRules, RecipientFacts, Step } from './types.ts';

export interface Demand {
  /** 分 asked; null: no fixed sum (shares the budget by weight). 0: nothing asked (no_award). */
  demand: bigint | null;
  weight: bigint;
  steps: Step[];
}

/** x × num / den rounded half up, in integers (x, num, den ≥ 0). */
export const mulDivHalfUp = (x: bigint, num: bigint, den: bigint): bigint => (x * num * 2n + den) / (den * 2n);

export function demandOf(facts: RecipientFacts, method: AllocationMethod, rules: AllocationRules): Demand {
  switch (method.kind) {
    case 'tiered_grade': {
      const amount = facts.grade ? method.tiers[facts.grade] : undefined;
      if (!facts.grade) return none({ code: 'no_tier', text: '未评定年度考评等次，无对应奖补档次' });
      if (!amount) return none({ code: 'no_tier', text: `等次为${GRADE_LABELS[facts.grade]}，本轮未设该等次的奖补档次` });
      return fixed(BigInt(amount), [{ code: 'tier', text: `等次为${GRADE_LABELS[facts.grade]}，按档定额 ${formatFen(amount)}` }]);
    }
    case 'tiered_designation': {
      let best: { designation: string; amountFen: number } | undefined;
      for (const t of method.tiers) {
        if (t.amountFen > 0 && facts.designations.includes(t.designation) && (!best || t.amountFen > best.amountFen)) best = t;
      }
      if (!best) return none({ code: 'no_tier', text: '不具备本轮设档的认定，无对应奖补档次' });
      return fixed(BigInt(best.amountFen), [{ code: 'tier', text: `认定为${designationLabel(best.designation, rules)}，按档定额 ${formatFen(best.amountFen)}` }]);
    }
    case 'proportional': {
      if (facts.scoreHundredths === undefined) return none({ code: 'no_score', text: '无年度考评得分，不参与按分分配' });
      const above = facts.scoreHundredths - method.thresholdHundredths;
      if (above <= 0) {
        return none({ code: 'below_threshold', text: `得分 ${formatScore(facts.scoreHundredths)}，未超过基准线 ${formatScore(method.thresholdHundredths)}` });
      }
      const steps: Step[] = [
        { code: 'score', text: `得分 ${formatScore(facts.scoreHundredths)}，超过基准线 ${formatScore(method.thresholdHundredths)} 共 ${formatScore(above)}` },
      ];
      if (method.fenPerPoint === undefined) return { demand: null, weight: BigInt(above), steps };
      // Points are in hundredths: 12.50 分 × 100.00 元/分 = 1250 × 10000 / 100 分.
      const demand = mulDivHalfUp(BigInt(above), BigInt(method.fenPerPoint), 100n);
      if (demand === 0n) return none(...steps, { code: 'demand', text: `每超出 1 分计 ${formatFen(method.fenPerPoint)}，应得不足 0.01 元` });
      steps.push({ code: 'demand', text: `每超出 1 分计 ${formatFen(method.fenPerPoint)}，应得 ${formatFen(demand)}` });
      return fixed(demand, steps);
    }
    case 'base_uplift': {
      const base = BigInt(method.baseFen);
      const steps: Step[] = [{ code: 'base', text: `一般保障标准 ${formatFen(base)}` }];
      let demand = base;
      for (const u of method.uplifts) {
        if (!facts.designations.includes(u.designation)) continue;
        const label = designationLabel(u.designation, rules);
        if (u.percentBp) {
          const add = mulDivHalfUp(base, BigInt(u.percentBp), 10_000n);
          demand += add;
          steps.push({ code: 'uplift_percent', text: `${label}，在一般保障标准基础上上浮 ${formatBp(u.percentBp)}，加 ${formatFen(add)}` });
        }
        if (u.fixedFen) {
          demand += BigInt(u.fixedFen);
          steps.push({ code: 'uplift_fixed', text: `${label}，一次性奖补 ${formatFen(u.fixedFen)}` });
        }
      }
      if (demand === 0n) return none(...steps);
      if (steps.length > 1) steps.push({ code: 'demand', text: `应得合计 ${formatFen(demand)}` });
      return fixed(demand, steps);
    }
  }
}

const none = (...steps: Step[]): Demand => ({ demand: 0n, weight: 0n, steps });
const fixed = (demand: bigint, steps: Step[]): Demand => ({ demand, weight: demand, steps });
