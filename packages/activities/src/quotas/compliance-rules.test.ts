import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from './defaults.ts';
import { periodsOf, rowStanding, worstStanding } from './compliance-rules.ts';

// Hand-computed cases of the rules written at the top of compliance-rules.ts.
const visitYear = { kind: 'joint_visit', period: 'year', required: 1 } as const;
const themeQuarter = { kind: 'joint_theme_day', period: 'quarter', required: 1 } as const;
const visitMonth = { kind: 'joint_visit', period: 'month', required: 1 } as const;

describe('quota compliance (五个一 and seed 003 frequencies)', () => {
  it('the default plan is seed 000 9.2: one of each of the 五个一 a year', () => {
    expect(DEFAULT_PLAN.map((r) => `${r.kind}/${r.period}/${r.required}`)).toEqual([
      'joint_study/year/1',
      'joint_visit/year/1',
      'joint_theme_day/year/1',
      'practical_matters/year/1',
      'mutual_review/year/1',
    ]);
  });

  it('splits a year into its periods', () => {
    expect(periodsOf(2026, 'year')).toEqual([{ start: '2026-01-01', end: '2026-12-31' }]);
    expect(periodsOf(2026, 'half').map((p) => p.end)).toEqual(['2026-06-30', '2026-12-31']);
    expect(periodsOf(2026, 'quarter').map((p) => `${p.start}..${p.end}`)).toEqual(['2026-01-01..2026-03-31', '2026-04-01..2026-06-30', '2026-07-01..2026-09-30', '2026-10-01..2026-12-31']);
    expect(periodsOf(2024, 'month')[1]).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });

  it('1 visit a year, none held: open in March, at risk from October, behind once the year is over', () => {
    expect(rowStanding(visitYear, 2026, [], '2026-03-15').standing).toBe('open');
    // 2026-10-01: 92 days left of 365, 92 × 4 = 368 > 365 → still open; 2026-10-02: 91 × 4 = 364 ≤ 365 → at risk.
    expect(rowStanding(visitYear, 2026, [], '2026-10-01').standing).toBe('open');
    expect(rowStanding(visitYear, 2026, [], '2026-10-02').standing).toBe('at_risk');
    expect(rowStanding(visitYear, 2026, [], '2027-01-05').standing).toBe('behind');
  });

  it('1 visit a year, one held: met, and stays met after the year', () => {
    expect(rowStanding(visitYear, 2026, ['2026-03-02'], '2026-03-15')).toEqual({ standing: 'met', heldInPeriod: 1, heldInYear: 1 });
    expect(rowStanding(visitYear, 2026, ['2026-03-02'], '2027-02-01').standing).toBe('met');
  });

  it('quarterly theme day: a missed first quarter is behind for the rest of the year', () => {
    expect(rowStanding(themeQuarter, 2026, ['2026-05-04'], '2026-05-10')).toEqual({ standing: 'behind', heldInPeriod: 1, heldInYear: 1 });
    expect(rowStanding(themeQuarter, 2026, ['2026-02-04', '2026-05-04'], '2026-05-10').standing).toBe('met');
    // Q2 is 91 days; on 2026-06-08 23 days are left (92 > 91, open), on 06-09 22 (88 ≤ 91, at risk).
    expect(rowStanding(themeQuarter, 2026, ['2026-02-04'], '2026-06-08').standing).toBe('open');
    expect(rowStanding(themeQuarter, 2026, ['2026-02-04'], '2026-06-09').standing).toBe('at_risk');
  });

  it('monthly visit: counts only the dates inside each month', () => {
    const held = ['2026-01-10', '2026-02-10', '2026-02-20'];
    expect(rowStanding(visitMonth, 2026, held, '2026-02-25')).toEqual({ standing: 'met', heldInPeriod: 2, heldInYear: 3 });
    // March: 31 days; on the 24th 8 are left (32 > 31, open), on the 25th 7 (28 ≤ 31, at risk).
    expect(rowStanding(visitMonth, 2026, held, '2026-03-24').standing).toBe('open');
    expect(rowStanding(visitMonth, 2026, held, '2026-03-25').standing).toBe('at_risk');
    expect(rowStanding(visitMonth, 2026, held, '2026-04-01').standing).toBe('behind');
  });

  it('a year not yet begun is open; an alliance stands at its worst row', () => {
    expect(rowStanding(visitYear, 2027, [], '2026-12-01').standing).toBe('open');
    expect(worstStanding(['met', 'open', 'at_risk'])).toBe('at_risk');
    expect(worstStanding(['met', 'behind', 'at_risk'])).toBe('behind');
    expect(worstStanding(['met', 'met'])).toBe('met');
  });
});
