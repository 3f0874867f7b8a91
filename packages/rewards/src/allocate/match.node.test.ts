// 配套 (matching city awards) and the simulation diff, by hand.
import { describe, expect, it } from 'vitest';
import { recipient, rules } from '../../../../test/support/rewards-factories.ts';
import { allocate, diffAllocations, matchCityAwards } from './index.ts';

const awards = [
  { id: 'X', name: '甲联合体', amountFen: 1_000_000, rank: 1 },
  { id: 'Y', name: '乙联合体', amountFen: 600_000, rank: 2 },
  { id: 'Z', name: '丙联合体', amountFen: 400_000, rank: 3 },
];
const matched = (r: ReturnType<typeof matchCityAwards>) => Object.fromEntries(r.lines.map((l) => [l.id, l.matchedFen]));

describe('matching city awards (配套)', () => {
  it('matches 1:1 in full when the county budget covers it', () => {
    // Wanted 1000000 + 600000 + 400000 = 2000000 ≤ 2500000 → in full, 500000 unused.
    const r = matchCityAwards({ cityAwards: awards, ratioNum: 1, ratioDen: 1, countyBudgetFen: 2_500_000, shortfallRule: 'scale' });
    expect(matched(r)).toEqual({ X: 1_000_000, Y: 600_000, Z: 400_000 });
    expect(r.unusedFen).toBe(500_000);
    expect(r.lines[0]!.steps[0]!.text).toBe('市级奖补 10,000.00 元，按市县 1:1 的比例配套，应配套 10,000.00 元');
  });

  it("'scale': a short budget is shared in proportion to what each should get, the rule stated", () => {
    // Budget 1500000 of 2000000 wanted: 75% each → 750000, 450000, 300000; shortfall 500000.
    const r = matchCityAwards({ cityAwards: awards, ratioNum: 1, ratioDen: 1, countyBudgetFen: 1_500_000, shortfallRule: 'scale' });
    expect(matched(r)).toEqual({ X: 750_000, Y: 450_000, Z: 300_000 });
    expect(r.shortfallTotalFen).toBe(500_000);
    expect(r.ruleText).toBe('县级预算不足时，各单位按应配套金额同比例缩减');
    expect(r.lines[1]!.steps.map((s) => s.text)).toEqual([
      '市级奖补 6,000.00 元，按市县 1:1 的比例配套，应配套 6,000.00 元',
      '预算不足，按应配套金额的 75.0% 计 4,500.00 元',
      '县级配套 4,500.00 元，差额 1,500.00 元',
    ]);
  });

  it("'cap_in_order': matches in full by rank until the budget runs out", () => {
    // X 1000000 in full; 500000 left for Y (wanted 600000); Z nothing.
    const r = matchCityAwards({ cityAwards: [...awards].reverse(), ratioNum: 1, ratioDen: 1, countyBudgetFen: 1_500_000, shortfallRule: 'cap_in_order' });
    expect(matched(r)).toEqual({ X: 1_000_000, Y: 500_000, Z: 0 });
    expect(r.lines.find((l) => l.id === 'Y')!.steps[1]!.text).toBe('排第 2 位，配套预算仅余 5,000.00 元，全部用于本单位');
    expect(r.lines.find((l) => l.id === 'Z')!.steps[1]!.text).toBe('排第 3 位，配套预算已用完');
  });

  it('rounds a fractional matching amount half up to the 分', () => {
    // 1:2 (the county adds half): 333 × 1/2 = 166.5 → 167; 1001 × 1/2 = 500.5 → 501.
    const r = matchCityAwards({ cityAwards: [{ id: 'A', name: '甲', amountFen: 333 }, { id: 'B', name: '乙', amountFen: 1001 }], ratioNum: 1, ratioDen: 2, countyBudgetFen: 10_000, shortfallRule: 'scale' });
    expect(r.lines.map((l) => l.wantedFen)).toEqual([167, 501]);
  });

  it("seed 001's orders of magnitude: 1147 万元 from above, 683 万元 matched by the district, exact to the 分", () => {
    // City awards sum to 11,470,000.00 元 = 1147000000 分; 1:1 asks as much; the district's 6,830,000.00 元 = 683000000 分 is
    // shared by 'scale' (683/1147 ≈ 59.5%). (The 171 万元 of party fees is 党费补, a separate income of the fund ledger, not matching.)
    const big = [300_000_000, 250_000_000, 247_000_000, 200_000_000, 150_000_000].map((amountFen, i) => ({ id: `c${i}`, name: `社区${i}`, amountFen }));
    const r = matchCityAwards({ cityAwards: big, ratioNum: 1, ratioDen: 1, countyBudgetFen: 683_000_000, shortfallRule: 'scale' });
    expect(r.cityTotalFen).toBe(1_147_000_000);
    expect(r.matchedTotalFen).toBe(683_000_000);
    expect(r.shortfallTotalFen).toBe(464_000_000);
    // c0: 683000000 × 300000000 / 1147000000 = 178639930.25… → 178639930 (remainders decide the last 分 elsewhere).
    expect(r.lines[0]!.matchedFen).toBeGreaterThanOrEqual(178_639_930);
    expect(r.lines[0]!.matchedFen).toBeLessThanOrEqual(178_639_931);
  });

  it('refuses a zero ratio and a negative budget, naming the fields', () => {
    expect(() => matchCityAwards({ cityAwards: awards, ratioNum: 0, ratioDen: 1, countyBudgetFen: -1, shortfallRule: 'scale' })).toThrowError(
      expect.objectContaining({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'countyBudgetFen' }), expect.objectContaining({ path: 'ratioNum' })] }),
    );
  });
});

describe('differences between two simulations', () => {
  it('lists old, new and delta per recipient, with added and removed ones and the totals', () => {
    // Budget 1000000 then 1200000 with 良好 = 600000 each: A, B get 500000 each, then A, C 600000 each (B lost 双报到).
    const method = { kind: 'tiered_grade' as const, tiers: { good: 600_000 } };
    const first = allocate({ budgetFen: 1_000_000, method, rules: rules(), recipients: [recipient('A', { grade: 'good' }), recipient('B', { grade: 'good' })] });
    const second = allocate({ budgetFen: 1_200_000, method, rules: rules(), recipients: [recipient('A', { grade: 'good' }), recipient('C', { grade: 'good' })] });
    const d = diffAllocations(first, second);
    expect(d.lines).toEqual([
      { id: 'A', name: '单位A', oldFen: 500_000, newFen: 600_000, deltaFen: 100_000, change: 'changed' },
      { id: 'C', name: '单位C', oldFen: null, newFen: 600_000, deltaFen: 600_000, change: 'added' },
      { id: 'B', name: '单位B', oldFen: 500_000, newFen: null, deltaFen: -500_000, change: 'removed' },
    ]);
    expect(d.totals).toEqual({ oldFen: 1_000_000, newFen: 1_200_000, deltaFen: 200_000 });
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 1, same: 0 });
  });
});
