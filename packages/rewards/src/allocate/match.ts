// 配套: a county round matching the city's awards at a ratio (e.g. 1:1) from
// its own budget (issue 12; seed 001 (五): 1147 万元 from above, 683 万元
// matched by the district). When the county's budget cannot match in full,
// the shortfall rule — data, stated in the output — decides who gets less:
// 'scale' shares the budget in proportion to what each should get (largest
// remainder to the 分, as allocate does); 'cap_in_order' matches in full by
// rank until the budget runs out, the one where it runs out getting the rest.
import { formatFen, validation, type FieldError } from '@ronghe/core';
import { mulDivHalfUp } from './demand.ts';
import { distribute } from './distribute.ts';
import { MAX_FEN } from './allocate.ts';
import { formatRatio } from './labels.ts';
import type { Step } from './types.ts';

export type ShortfallRule = 'scale' | 'cap_in_order';

export const SHORTFALL_RULE_LABELS: Record<ShortfallRule, string> = {
  scale: '县级预算不足时，各单位按应配套金额同比例缩减',
  cap_in_order: '县级预算不足时，按排名先后足额配套，直至预算用完',
};

export interface CityAward {
  id: string;
  name: string;
  /** The city's award in 分. */
  amountFen: number;
  /** 1 = first in line for 'cap_in_order'; ties and absent ranks fall back to the larger award, then id. */
  rank?: number;
}

export interface MatchInput {
  cityAwards: CityAward[];
  ratioNum: number;
  ratioDen: number;
  countyBudgetFen: number;
  shortfallRule: ShortfallRule;
}

export interface MatchLine {
  id: string;
  name: string;
  cityFen: number;
  /** city × ratio, rounded half up to the 分. */
  wantedFen: number;
  matchedFen: number;
  shortfallFen: number;
  steps: Step[];
}

export interface MatchResult {
  rule: ShortfallRule;
  /** The rule in plain Chinese, as the round states it. */
  ruleText: string;
  cityTotalFen: number;
  wantedTotalFen: number;
  matchedTotalFen: number;
  shortfallTotalFen: number;
  /** County budget left over when it exceeds what matching asks. */
  unusedFen: number;
  lines: MatchLine[];
  notes: Step[];
}

export function matchCityAwards(input: MatchInput): MatchResult {
  checkMatch(input);
  const num = BigInt(input.ratioNum);
  const den = BigInt(input.ratioDen);
  const budget = BigInt(input.countyBudgetFen);
  const ratioText = `市县 ${input.ratioDen}:${input.ratioNum} 的比例`;
  const base = input.cityAwards.map((a) => ({ award: a, wanted: mulDivHalfUp(BigInt(a.amountFen), num, den) }));
  const wantedTotal = base.reduce((s, b) => s + b.wanted, 0n);
  const matched = new Map<string, bigint>();
  const extra = new Map<string, Step[]>();
  const notes: Step[] = [];
  if (budget >= wantedTotal) {
    for (const b of base) matched.set(b.award.id, b.wanted);
    notes.push({ code: 'full', text: `县级配套预算 ${formatFen(budget)}，应配套合计 ${formatFen(wantedTotal)}，全部足额配套${budget > wantedTotal ? `，结余 ${formatFen(budget - wantedTotal)}` : ''}` });
  } else if (input.shortfallRule === 'scale') {
    notes.push({ code: 'scaled', text: `县级配套预算 ${formatFen(budget)}不足应配套合计 ${formatFen(wantedTotal)}，${SHORTFALL_RULE_LABELS.scale}` });
    const items = base.filter((b) => b.wanted > 0n).map((b) => ({ id: b.award.id, weight: b.wanted, upper: b.wanted, floor: 0n }));
    const dist = distribute(items, budget);
    for (const b of base) {
      const t = dist.traces.get(b.award.id);
      matched.set(b.award.id, t?.amount ?? 0n);
      if (!t) continue;
      const steps: Step[] = [{ code: 'scaled', text: `预算不足，按应配套金额的 ${formatRatio(t.shareNum, t.shareDen * b.wanted)} 计 ${formatFen(t.shareNum / t.shareDen)}` }];
      if (t.plus > 0n) steps.push({ code: 'rounding', text: `尾差分配 +${formatFen(t.plus)}（按余数、编号排序第 ${t.rank} 位）` });
      extra.set(b.award.id, steps);
    }
  } else {
    notes.push({ code: 'scaled', text: `县级配套预算 ${formatFen(budget)}不足应配套合计 ${formatFen(wantedTotal)}，${SHORTFALL_RULE_LABELS.cap_in_order}` });
    const order = [...base].sort(
      (a, b) =>
        (a.award.rank ?? Number.MAX_SAFE_INTEGER) - (b.award.rank ?? Number.MAX_SAFE_INTEGER) ||
        b.award.amountFen - a.award.amountFen ||
        (a.award.id < b.award.id ? -1 : a.award.id > b.award.id ? 1 : 0),
    );
    let left = budget;
    order.forEach((b, i) => {
      const give = b.wanted < left ? b.wanted : left;
      left -= give;
      matched.set(b.award.id, give);
      const text =
        give === b.wanted
          ? `排第 ${i + 1} 位，足额配套`
          : give > 0n
            ? `排第 ${i + 1} 位，配套预算仅余 ${formatFen(give)}，全部用于本单位`
            : `排第 ${i + 1} 位，配套预算已用完`;
      extra.set(b.award.id, [{ code: give === b.wanted ? 'full' : 'capped', text }]);
    });
  }
  const lines: MatchLine[] = base.map((b) => {
    const m = matched.get(b.award.id) ?? 0n;
    const steps: Step[] = [
      { code: 'demand', text: `市级奖补 ${formatFen(b.award.amountFen)}，按${ratioText}配套，应配套 ${formatFen(b.wanted)}` },
      ...(extra.get(b.award.id) ?? []),
    ];
    if (b.wanted > m) steps.push({ code: 'result', text: `县级配套 ${formatFen(m)}，差额 ${formatFen(b.wanted - m)}` });
    else steps.push({ code: 'result', text: `县级配套 ${formatFen(m)}` });
    return { id: b.award.id, name: b.award.name, cityFen: b.award.amountFen, wantedFen: Number(b.wanted), matchedFen: Number(m), shortfallFen: Number(b.wanted - m), steps };
  });
  const matchedTotal = lines.reduce((s, l) => s + l.matchedFen, 0);
  return {
    rule: input.shortfallRule,
    ruleText: SHORTFALL_RULE_LABELS[input.shortfallRule],
    cityTotalFen: lines.reduce((s, l) => s + l.cityFen, 0),
    wantedTotalFen: Number(wantedTotal),
    matchedTotalFen: matchedTotal,
    shortfallTotalFen: Number(wantedTotal) - matchedTotal,
    unusedFen: input.countyBudgetFen - matchedTotal,
    lines,
    notes,
  };
}

function checkMatch(input: MatchInput): void {
  const errors: FieldError[] = [];
  const int = (v: number, path: string, message: string, min = 0) => {
    if (!(Number.isSafeInteger(v) && v >= min && v <= MAX_FEN)) errors.push({ path, message });
  };
  int(input.countyBudgetFen, 'countyBudgetFen', '县级配套预算须为非负整数分');
  int(input.ratioNum, 'ratioNum', '配套比例须为正整数', 1);
  int(input.ratioDen, 'ratioDen', '配套比例须为正整数', 1);
  if (input.ratioNum > 1000 || input.ratioDen > 1000) errors.push({ path: 'ratioNum', message: '配套比例的每一项不超过 1000' });
  const seen = new Set<string>();
  input.cityAwards.forEach((a, i) => {
    int(a.amountFen, `cityAwards.${i}.amountFen`, '市级奖补金额须为非负整数分');
    if (seen.has(a.id)) errors.push({ path: `cityAwards.${i}.id`, message: `单位“${a.name}”重复出现` });
    seen.add(a.id);
  });
  if (!SHORTFALL_RULE_LABELS[input.shortfallRule]) errors.push({ path: 'shortfallRule', message: '不足时的处理规则无效' });
  if (errors.length) throw validation(errors, '配套参数有误');
}
