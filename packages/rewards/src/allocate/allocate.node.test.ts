// Worked examples of the 以奖代补 engine, computed by hand in the comments
// (issue 12; seed 004 四(三) for the uplifts). Amounts in 分.
import { describe, expect, it } from 'vitest';
import { AppError } from '@ronghe/core';
import { recipient, rules } from '../../../../test/support/rewards-factories.ts';
import { allocate, type Allocation } from './index.ts';

const amounts = (a: Allocation) => Object.fromEntries(a.lines.map((l) => [l.id, l.amountFen]));
const texts = (a: Allocation, id: string) => a.lines.find((l) => l.id === id)!.steps.map((s) => s.text);
const codes = (a: Allocation, id: string) => a.lines.find((l) => l.id === id)!.steps.map((s) => s.code);

describe('method 1: tiered fixed amounts by grade', () => {
  // Tiers: 优秀 5,000.00 元 = 500000, 良好 3,000.00 元 = 300000, 一般 none.
  // A 优秀, B 良好, C 良好 → demand 500000 + 300000 + 300000 = 1100000; D 一般 → no tier; E 优秀 without 双报到 → ineligible.
  // Budget 1000000 < demand: λ = 1000000 / 1100000 = 10/11 (90.9%).
  //   A 500000 × 10/11 = 454545 rem 5/11;  B, C 300000 × 10/11 = 272727 rem 3/11 each.
  //   Σ floors = 999999 → 1 分 left → largest remainder A → 454546.
  const a = allocate({
    budgetFen: 1_000_000,
    method: { kind: 'tiered_grade', tiers: { excellent: 500_000, good: 300_000 } },
    rules: rules(),
    recipients: [
      recipient('A', { grade: 'excellent', scoreHundredths: 9500 }),
      recipient('B', { grade: 'good', scoreHundredths: 8800 }),
      recipient('C', { grade: 'good', scoreHundredths: 8600 }),
      recipient('D', { grade: 'fair', scoreHundredths: 7500 }),
      recipient('E', { grade: 'excellent', scoreHundredths: 9900, memberReportOk: false }),
    ],
  });

  it('scales down by 10/11 and gives the last 分 to the largest remainder', () => {
    expect(amounts(a)).toEqual({ A: 454_546, B: 272_727, C: 272_727, D: 0, E: 0 });
    expect(a.allocatedFen).toBe(1_000_000);
    expect(a.demandFen).toBe(1_100_000);
  });

  it('explains each amount in plain Chinese with the numbers in 元', () => {
    expect(texts(a, 'A')).toEqual([
      '符合本轮奖补条件',
      '等次为优秀，按档定额 5,000.00 元',
      '预算不足，按应得的 90.9% 计 4,545.45 元',
      '尾差分配 +0.01 元（按余数、得分、编号排序第 1 位）',
      '核定金额 4,545.46 元',
    ]);
    expect(texts(a, 'D')).toContain('等次为一般，本轮未设该等次的奖补档次');
    expect(a.lines.find((l) => l.id === 'D')!.status).toBe('no_award');
    expect(texts(a, 'E')).toEqual(['未落实“双报到”，当年不得参加评先评优', '核定金额 0.00 元']);
    expect(a.lines.find((l) => l.id === 'E')!.status).toBe('ineligible');
    expect(a.notes.map((n) => n.text)).toEqual(['预算 10,000.00 元不足应得合计 11,000.00 元，按比例分配']);
  });
});

describe('method 1: tiered fixed amounts by designation', () => {
  // 县级示范点 8,000.00 元, 县级“最强党支部” 6,000.00 元; a recipient holding both gets the higher; budget covers all.
  it('gives the highest tier a recipient qualifies for, in full, and leaves the rest of the budget', () => {
    const a = allocate({
      budgetFen: 2_000_000,
      method: { kind: 'tiered_designation', tiers: [{ designation: 'strongest_county', amountFen: 600_000 }, { designation: 'demo_site_county', amountFen: 800_000 }] },
      rules: rules({}, { anyDesignation: ['strongest_county', 'demo_site_county'] }),
      recipients: [
        recipient('A', { designations: ['strongest_county', 'demo_site_county'] }),
        recipient('B', { designations: ['strongest_county'] }),
        recipient('C', { designations: ['standardized'] }),
      ],
    });
    // 800000 + 600000 = 1400000 ≤ 2000000: in full, 600000 left.
    expect(amounts(a)).toEqual({ A: 800_000, B: 600_000, C: 0 });
    expect(a.unallocatedFen).toBe(600_000);
    expect(texts(a, 'A')).toContain('认定为县级示范点，按档定额 8,000.00 元');
    expect(texts(a, 'C')[0]).toBe('本轮要求具备以下认定之一：县级“最强党支部”、县级示范点');
  });
});

describe('method 2: proportional to the score above a threshold', () => {
  // Threshold 80.00. P1 95.00 → 1500, P2 90.00 → 1000, P3 85.50 → 550 (hundredths above); W = 3050.
  // P4 80.00 is not above; P5 has no score. Budget 1000000, shared in full:
  //   P1 1000000×1500/3050 = 491803 rem 850; P2 ×1000 = 327868 rem 2600; P3 ×550 = 180327 rem 2650.
  //   Σ = 999998 → 2 分 left → P3 (2650) and P2 (2600) get +1.
  const recipients = [
    recipient('P1', { scoreHundredths: 9500 }),
    recipient('P2', { scoreHundredths: 9000 }),
    recipient('P3', { scoreHundredths: 8550 }),
    recipient('P4', { scoreHundredths: 8000 }),
    recipient('P5'),
  ];
  const a = allocate({ budgetFen: 1_000_000, method: { kind: 'proportional', thresholdHundredths: 8000 }, rules: rules(), recipients });

  it('shares the whole budget by points above the threshold, exactly', () => {
    expect(amounts(a)).toEqual({ P1: 491_803, P2: 327_869, P3: 180_328, P4: 0, P5: 0 });
    expect(a.demandFen).toBeNull();
  });

  it('says how many points each has above the line and what a point is worth', () => {
    // A point is worth 1000000 × 100 / 3050 = 32786.88… 分 → 327.86 元.
    expect(texts(a, 'P3')).toEqual([
      '符合本轮奖补条件',
      '得分 85.50 分，超过基准线 80.00 分，超出 5.50 分',
      '按超出分值占比分配，每超出 1 分计 327.86 元，计 1,803.27 元',
      '尾差分配 +0.01 元（按余数、得分、编号排序第 1 位）',
      '核定金额 1,803.28 元',
    ]);
    expect(texts(a, 'P4')).toContain('得分 80.00 分，未超过基准线 80.00 分');
    expect(texts(a, 'P5')).toContain('无年度考评得分，不参与按分分配');
  });

  it('with a rate per point, asks points × rate and pays in full when the budget allows', () => {
    // 100.00 元 per point: P1 15.00 × 10000 = 150000, P2 100000, P3 5.50 × 10000 = 55000; Σ 305000 ≤ 400000.
    const b = allocate({ rules: rules(), recipients, budgetFen: 400_000, method: { kind: 'proportional', thresholdHundredths: 8000, fenPerPoint: 10_000 } });
    expect(amounts(b)).toEqual({ P1: 150_000, P2: 100_000, P3: 55_000, P4: 0, P5: 0 });
    expect(b.unallocatedFen).toBe(95_000);
  });
});

describe('method 3: a base amount with uplifts (seed 004 四(三))', () => {
  // 一般保障标准 10,000.00 元 = 1000000. 标准化规范化 +10% = 100000; 县级最强 +30% = 300000; 市级最强 one-time 5,000.00 元 = 500000.
  //   Q1 standardized + county strongest: 1000000 + 100000 + 300000 = 1400000
  //   Q2 standardized:                    1000000 + 100000           = 1100000
  //   Q3 all three:                       1400000 + 500000           = 1900000
  //   Q4 none:                            1000000
  //   Q5 under 规范整顿 → 0.   Σ = 5400000 ≤ budget 6000000 → in full, 600000 left.
  const a = allocate({
    budgetFen: 6_000_000,
    method: {
      kind: 'base_uplift',
      baseFen: 1_000_000,
      uplifts: [
        { designation: 'standardized', percentBp: 1000 },
        { designation: 'strongest_county', percentBp: 3000 },
        { designation: 'strongest_city', fixedFen: 500_000 },
      ],
    },
    rules: rules(),
    recipients: [
      recipient('Q1', { designations: ['standardized', 'strongest_county'] }),
      recipient('Q2', { designations: ['standardized'] }),
      recipient('Q3', { designations: ['standardized', 'strongest_county', 'strongest_city'] }),
      recipient('Q4'),
      recipient('Q5', { designations: ['standardized'], underRectification: true }),
    ],
  });

  it('adds the uplifts to the base and pays every demand in full', () => {
    expect(amounts(a)).toEqual({ Q1: 1_400_000, Q2: 1_100_000, Q3: 1_900_000, Q4: 1_000_000, Q5: 0 });
    expect(a.unallocatedFen).toBe(600_000);
  });

  it('names each uplift', () => {
    expect(texts(a, 'Q3')).toEqual([
      '符合本轮奖补条件',
      '一般保障标准 10,000.00 元',
      '标准化规范化党支部，在一般保障标准基础上上浮 10%，加 1,000.00 元',
      '县级“最强党支部”，在一般保障标准基础上上浮 30%，加 3,000.00 元',
      '市级“最强党支部”，一次性奖补 5,000.00 元',
      '应得合计 19,000.00 元',
      '预算充足，足额核定 19,000.00 元',
      '核定金额 19,000.00 元',
    ]);
    expect(texts(a, 'Q5')).toEqual(['正在规范整顿，本轮不予奖补', '核定金额 0.00 元']);
  });
});

describe('caps: what they cut is redistributed until stable', () => {
  // Proportional, threshold 60.00: R1 100.00 → 4000, R2 70.00 → 1000, R3 65.00 → 500; W = 5500. Budget 1100000, cap 400000.
  //   Round 1: R1 1100000×4000/5500 = 800000 > 400000 → fixed at 400000 (cut 400000). Left 700000, W = 1500.
  //   Round 2: R2 700000×1000/1500 = 466666.67 > 400000 → fixed at 400000 (cut 66666). Left 300000, W = 500.
  //   Round 3: R3 300000 ≤ 400000: stable. → 400000, 400000, 300000 (Σ 1100000).
  const a = allocate({
    budgetFen: 1_100_000,
    method: { kind: 'proportional', thresholdHundredths: 6000 },
    rules: rules({ capFen: 400_000 }),
    recipients: [recipient('R1', { scoreHundredths: 10_000 }), recipient('R2', { scoreHundredths: 7000 }), recipient('R3', { scoreHundredths: 6500 })],
  });

  it('caps twice and gives the rest to the one below the cap', () => {
    expect(amounts(a)).toEqual({ R1: 400_000, R2: 400_000, R3: 300_000 });
    expect(a.rounds).toBe(3);
  });

  it('says what each cap cut', () => {
    expect(texts(a, 'R1')).toContain('按比例计 8,000.00 元，超过单个上限 4,000.00 元，削减 4,000.00 元并重新分配给其余单位');
    expect(texts(a, 'R2')).toContain('按比例计 4,666.66 元，超过单个上限 4,000.00 元，削减 666.66 元并重新分配给其余单位');
    expect(codes(a, 'R3')).toEqual(['eligible', 'score', 'redistributed', 'scaled', 'result']);
    expect(a.notes.map((n) => n.text)).toContain('超过单个上限削减的 4,666.66 元已在其余单位间按比例重新分配（共 3 轮）');
  });

  it('caps a fixed tier before scaling, and a capped demand is what the budget is compared with', () => {
    // Tiers 优秀 5000.00 元, cap 4000.00 元: demand 400000 + 300000 = 700000 ≤ budget 800000 → in full, 100000 left.
    const b = allocate({
      budgetFen: 800_000,
      method: { kind: 'tiered_grade', tiers: { excellent: 500_000, good: 300_000 } },
      rules: rules({ capFen: 400_000 }),
      recipients: [recipient('A', { grade: 'excellent' }), recipient('B', { grade: 'good' })],
    });
    expect(amounts(b)).toEqual({ A: 400_000, B: 300_000 });
    expect(texts(b, 'A')).toContain('应得 5,000.00 元超过单个上限 4,000.00 元，按上限计 4,000.00 元');
    expect(b.notes[0]!.text).toBe('预算 8,000.00 元，应得合计 7,000.00 元，全部足额核定，结余 1,000.00 元');
  });
});

describe('floors: lifted when the budget covers every floor, waived otherwise', () => {
  // Proportional, threshold 60.00: S1 90.00 → 3000, S2 62.00 → 200, S3 61.00 → 100; W = 3300. Floor 50000.
  const input = (budgetFen: number) => ({
    budgetFen,
    method: { kind: 'proportional' as const, thresholdHundredths: 6000 },
    rules: rules({ floorFen: 50_000 }),
    recipients: [recipient('S1', { scoreHundredths: 9000 }), recipient('S2', { scoreHundredths: 6200 }), recipient('S3', { scoreHundredths: 6100 })],
  });

  it('lifts the two below the floor and takes it from the one above', () => {
    // Budget 330000 ≥ 3 × 50000. Round 1: S1 300000; S2 20000 < 50000, S3 10000 < 50000 → both fixed at 50000.
    // Round 2: S1 gets 330000 − 100000 = 230000.
    const a = allocate(input(330_000));
    expect(amounts(a)).toEqual({ S1: 230_000, S2: 50_000, S3: 50_000 });
    expect(a.floorsApplied).toBe(true);
    expect(texts(a, 'S2')).toContain('按比例计 200.00 元，低于单个下限 500.00 元，补足 300.00 元（由其余单位按比例让出）');
  });

  it('waives every floor when the budget cannot cover them all', () => {
    // Budget 120000 < 150000 = 3 × 50000: no floors. S1 120000×3000/3300 = 109090 rem 3000; S2 ×200 = 7272 rem 2400;
    // S3 ×100 = 3636 rem 1200. Σ 119998 → S1 and S2 get +1.
    const a = allocate(input(120_000));
    expect(amounts(a)).toEqual({ S1: 109_091, S2: 7_273, S3: 3_636 });
    expect(a.floorsApplied).toBe(false);
    expect(a.notes.map((n) => n.text)).toContain('预算不足以保证每个单位单个下限 500.00 元（合计 1,500.00 元），本轮不执行下限');
  });
});

describe('a cap and floors crossed in the same round', () => {
  // Proportional, threshold 0: A 90.00 → 9000, B 5.00 → 500, C 5.00 → 500; W = 10000. Cap 600000, floor 150000, budget 1000000.
  //   Round 1: A 900000 > 600000 (excess 300000); B, C 50000 < 150000 (deficit 100000 each, 200000 together).
  //   The excess is larger: fix A only. Round 2: 400000 over W = 1000 → B, C 200000 each, above the floor: stable.
  //   (Fixing B and C at 150000 as well would give them less than A's redistributed cut entitles them to.)
  it('fixes the larger violation first, and the floors then need no lift', () => {
    const a = allocate({
      budgetFen: 1_000_000,
      method: { kind: 'proportional', thresholdHundredths: 0 },
      rules: rules({ capFen: 600_000, floorFen: 150_000 }),
      recipients: [recipient('A', { scoreHundredths: 9000 }), recipient('B', { scoreHundredths: 500 }), recipient('C', { scoreHundredths: 500 })],
    });
    expect(amounts(a)).toEqual({ A: 600_000, B: 200_000, C: 200_000 });
    expect(a.rounds).toBe(2);
    expect(codes(a, 'B')).not.toContain('floored');
  });
});

describe('tie-break of the last 分: remainder, then higher score, then id', () => {
  // Three 良好 at 300000 each, budget 500000: each 166666.67 → 166666 rem 2/3, Σ 499998, 2 分 left.
  // Equal remainders → higher score first: B (88.00); then C and F (86.00 each) by id: C.
  const recipients = [
    recipient('F', { grade: 'good', scoreHundredths: 8600 }),
    recipient('C', { grade: 'good', scoreHundredths: 8600 }),
    recipient('B', { grade: 'good', scoreHundredths: 8800 }),
  ];
  const run = (rs: typeof recipients) => allocate({ budgetFen: 500_000, method: { kind: 'tiered_grade', tiers: { good: 300_000 } }, rules: rules(), recipients: rs });

  it('gives the 2 分 to B then C, whatever the input order', () => {
    expect(amounts(run(recipients))).toEqual({ B: 166_667, C: 166_667, F: 166_666 });
    expect(amounts(run([...recipients].reverse()))).toEqual({ B: 166_667, C: 166_667, F: 166_666 });
    expect(texts(run(recipients), 'C')).toContain('尾差分配 +0.01 元（按余数、得分、编号排序第 2 位）');
  });
});

describe('eligibility names every failed rule', () => {
  it('lists grade, designation, rectification and 双报到 together', () => {
    const a = allocate({
      budgetFen: 100,
      method: { kind: 'tiered_grade', tiers: { excellent: 100 } },
      rules: rules({}, { minGrade: 'good', anyDesignation: ['standardized'] }),
      recipients: [recipient('X', { grade: 'fair', underRectification: true, memberReportOk: false })],
    });
    expect(codes(a, 'X')).toEqual(['ineligible_grade', 'ineligible_designation', 'ineligible_rectification', 'ineligible_member_report', 'result']);
    expect(texts(a, 'X')[0]).toBe('年度考评等次为一般，本轮要求良好及以上');
  });
});

describe('refusals', () => {
  it('refuses a floor above the cap, a fractional budget and a repeated recipient, naming the fields', () => {
    try {
      allocate({
        budgetFen: 10.5,
        method: { kind: 'tiered_grade', tiers: {} },
        rules: rules({ capFen: 100, floorFen: 200 }),
        recipients: [recipient('A'), recipient('A')],
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('validation_failed');
      expect((err as AppError).errors.map((e) => e.path)).toEqual(['budgetFen', 'rules.floorFen', 'recipients.1.id']);
    }
  });
});

