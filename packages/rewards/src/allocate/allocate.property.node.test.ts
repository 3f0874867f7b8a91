// Properties of the 以奖代补 engine over random rounds (issue 12): conservation
// to the 分, caps and floors honoured, a higher score never gets less, the
// ineligible get 0, input order does not matter, the same input gives the same
// output. Small cases (≤ 50 recipients, 200 runs) keep the file fast.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, GRADES, type AllocationInput, type AllocationMethod, type Recipient } from './index.ts';

const DESIGNATIONS = ['strongest_county', 'strongest_city', 'demo_site_county', 'standardized'];

const facts = fc.record({
  grade: fc.option(fc.constantFrom(...GRADES), { nil: undefined }),
  scoreHundredths: fc.option(fc.integer({ min: 4000, max: 10_000 }), { nil: undefined }),
  designations: fc.subarray(DESIGNATIONS),
  underRectification: fc.boolean(),
  memberReportOk: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
});

const method: fc.Arbitrary<AllocationMethod> = fc.oneof(
  fc.record({ kind: fc.constant('tiered_grade' as const), tiers: fc.record({ excellent: fc.integer({ min: 0, max: 2_000_000 }), good: fc.integer({ min: 0, max: 1_000_000 }), fair: fc.integer({ min: 0, max: 500_000 }) }) }),
  fc.record({
    kind: fc.constant('tiered_designation' as const),
    tiers: fc.array(fc.record({ designation: fc.constantFrom(...DESIGNATIONS), amountFen: fc.integer({ min: 0, max: 2_000_000 }) }), { maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('proportional' as const), thresholdHundredths: fc.integer({ min: 4000, max: 9000 }), fenPerPoint: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }) }),
  fc.record({
    kind: fc.constant('base_uplift' as const),
    baseFen: fc.integer({ min: 0, max: 2_000_000 }),
    uplifts: fc.array(
      fc.record({ designation: fc.constantFrom(...DESIGNATIONS), percentBp: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }), fixedFen: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }) }),
      { maxLength: 3 },
    ),
  }),
);

const bounds = fc.tuple(fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined })).map(([cap, floor]) => ({
  capFen: cap,
  floorFen: floor === undefined || cap === undefined ? floor : Math.min(floor, cap),
}));

const round: fc.Arbitrary<AllocationInput> = fc
  .record({
    budgetFen: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 50_000_000 })),
    method,
    bounds,
    minGrade: fc.option(fc.constantFrom(...GRADES), { nil: undefined }),
    anyDesignation: fc.option(fc.subarray(DESIGNATIONS, { minLength: 1 }), { nil: undefined }),
    facts: fc.array(facts, { maxLength: 50 }),
    // Half the cases set cap and floor around the average share (cap 100–300 %, floor 10–90 % of budget / n), where
    // caps and floors cross in the same rounds; the others draw them at random.
    relative: fc.option(fc.tuple(fc.integer({ min: 100, max: 300 }), fc.integer({ min: 10, max: 90 })), { nil: undefined }),
  })
  .map(({ budgetFen, method, bounds, minGrade, anyDesignation, facts, relative }) => ({
    budgetFen,
    method,
    rules: {
      eligibility: { minGrade, anyDesignation, excludeUnderRectification: true, requireMemberReport: true },
      ...(relative && facts.length
        ? (([cap, floor]) => {
            const avg = Math.floor(budgetFen / facts.length);
            const capFen = Math.floor((avg * cap) / 100);
            return { capFen, floorFen: Math.min(capFen, Math.floor((avg * floor) / 100)) };
          })(relative)
        : bounds),
    },
    recipients: facts.map((f, i): Recipient => ({ id: `r${String(i).padStart(3, '0')}`, name: `单位${i}`, facts: f })),
  }));

const RUNS = { numRuns: 200 };

describe('allocation properties', () => {
  it('conserves to the 分: the amounts sum to the budget, or to the total demand when that is smaller', () => {
    fc.assert(
      fc.property(round, (input) => {
        const a = allocate(input);
        const sum = a.lines.reduce((s, l) => s + l.amountFen, 0);
        const expected = a.demandFen === null ? input.budgetFen : Math.min(input.budgetFen, a.demandFen);
        expect(sum).toBe(expected);
        expect(a.allocatedFen).toBe(expected);
        expect(a.unallocatedFen).toBe(input.budgetFen - expected);
        for (const l of a.lines) expect(Number.isSafeInteger(l.amountFen) && l.amountFen >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('honours caps and demands always, and floors whenever the budget covers them all', () => {
    fc.assert(
      fc.property(round, (input) => {
        const a = allocate(input);
        const { capFen, floorFen } = input.rules;
        for (const l of a.lines) {
          if (capFen !== undefined) expect(l.amountFen).toBeLessThanOrEqual(capFen);
          if (l.demandFen !== null) expect(l.amountFen).toBeLessThanOrEqual(l.demandFen);
          if (a.floorsApplied && l.status === 'awarded') expect(l.amountFen).toBeGreaterThanOrEqual(Math.min(floorFen!, l.demandFen ?? floorFen!));
        }
        // The floor is waived only when the floors really exceed what is shared.
        const awarded = a.lines.filter((l) => l.status === 'awarded');
        if (floorFen && awarded.length && !a.floorsApplied) {
          const floors = awarded.reduce((s, l) => s + Math.min(floorFen, l.demandFen ?? floorFen), 0);
          expect(floors).toBeGreaterThan(a.allocatedFen);
        }
      }),
      RUNS,
    );
  });

  it('gives 0 to every ineligible recipient, with at least one reason', () => {
    fc.assert(
      fc.property(round, (input) => {
        const a = allocate(input);
        input.recipients.forEach((r, i) => {
          const line = a.lines[i]!;
          const e = input.rules.eligibility;
          const bad = (e.excludeUnderRectification && r.facts.underRectification) || (e.requireMemberReport && !r.facts.memberReportOk);
          if (bad) expect(line.status).toBe('ineligible');
          if (line.status !== 'awarded') {
            expect(line.amountFen).toBe(0);
            expect(line.steps.length).toBeGreaterThan(1);
          }
        });
      }),
      RUNS,
    );
  });

  it('never gives a higher score less than a lower one with otherwise identical facts', () => {
    // Recipients drawn from a few fact templates, each with its own score, so equal-fact pairs abound.
    const twins = fc
      .record({ input: round, templates: fc.array(facts, { minLength: 1, maxLength: 3 }), scores: fc.array(fc.integer({ min: 4000, max: 10_000 }), { minLength: 2, maxLength: 40 }) })
      .map(({ input, templates, scores }) => ({
        ...input,
        recipients: scores.map((s, i): Recipient => ({ id: `t${String(i).padStart(3, '0')}`, name: `单位${i}`, facts: { ...templates[i % templates.length]!, scoreHundredths: s } })),
      }));
    fc.assert(
      fc.property(twins, (input) => {
        const a = allocate(input);
        const rs = input.recipients;
        for (let i = 0; i < rs.length; i++) {
          for (let j = 0; j < rs.length; j++) {
            const sameFacts = JSON.stringify({ ...rs[i]!.facts, scoreHundredths: 0 }) === JSON.stringify({ ...rs[j]!.facts, scoreHundredths: 0 });
            if (sameFacts && rs[i]!.facts.scoreHundredths! > rs[j]!.facts.scoreHundredths!) {
              expect(a.lines[i]!.amountFen).toBeGreaterThanOrEqual(a.lines[j]!.amountFen);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the recipients, explanations included', () => {
    fc.assert(
      fc.property(round, fc.integer(), (input, seed) => {
        const shuffled = [...input.recipients].sort((x, y) => hash(x.id, seed) - hash(y.id, seed));
        const byId = (a: ReturnType<typeof allocate>) => Object.fromEntries(a.lines.map((l) => [l.id, l]));
        const a = allocate(input);
        const b = allocate({ ...input, recipients: shuffled });
        expect(byId(b)).toEqual(byId(a));
        expect(b.notes).toEqual(a.notes);
      }),
      RUNS,
    );
  });

  it('divides in proportion: nobody below its cap could take a 分 from anyone above its floor', () => {
    // Independent of the engine's rounds: the exact solution is s = clamp(λ·w, floor, upper) and each amount is s rounded
    // down or up, so for i below its upper bound (s_i ≥ λ·w_i) and j above its floor (s_j ≤ λ·w_j):
    //   (a_j − 1) / w_j < λ < (a_i + 1) / w_i.   Weights restated here: the tier, or the points above the threshold.
    const proportionalOrTiered = fc
      .record({
        input: round,
        proportional: fc.boolean(),
        threshold: fc.integer({ min: 4000, max: 9000 }),
        tiers: fc.record({ excellent: fc.integer({ min: 1, max: 2_000_000 }), good: fc.integer({ min: 1, max: 1_000_000 }), fair: fc.integer({ min: 1, max: 500_000 }), poor: fc.integer({ min: 1, max: 100_000 }) }),
      })
      .map(({ input, proportional, threshold, tiers }) => ({
        ...input,
        method: proportional ? ({ kind: 'proportional', thresholdHundredths: threshold } as const) : ({ kind: 'tiered_grade', tiers } as const),
      }));
    fc.assert(
      fc.property(proportionalOrTiered, (input) => {
        const a = allocate(input);
        const m = input.method;
        const rows = a.lines
          .map((l, k) => {
            const f = input.recipients[k]!.facts;
            const w = m.kind === 'proportional' ? (f.scoreHundredths ?? 0) - m.thresholdHundredths : m.kind === 'tiered_grade' && f.grade ? m.tiers[f.grade]! : 0;
            const upper = l.demandFen ?? Number.MAX_SAFE_INTEGER;
            const floor = a.floorsApplied ? Math.min(input.rules.floorFen!, upper) : 0;
            return { l, w: BigInt(w), upper, floor };
          })
          .filter((r) => r.l.status === 'awarded');
        for (const i of rows) {
          if (i.l.amountFen >= i.upper) continue;
          for (const j of rows) {
            if (j.l.amountFen <= j.floor) continue;
            expect(BigInt(j.l.amountFen - 1) * i.w < BigInt(i.l.amountFen + 1) * j.w).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('is deterministic: the same input gives an identical output', () => {
    fc.assert(
      fc.property(round, (input) => {
        expect(allocate(structuredClone(input))).toEqual(allocate(input));
      }),
      RUNS,
    );
  });
});

/** A cheap seeded hash, so the shuffle is reproducible from fast-check's seed. */
function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h >>> 0;
}
