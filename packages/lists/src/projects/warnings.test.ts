import { describe, expect, it } from 'vitest';
import { PROJECT_ACTIONS, PROJECT_STATUSES } from '@ronghe/schema';
import { illegalProjectStepMessage, isLegalProjectStep, PROJECT_TRANSITIONS } from './state-machine.ts';
import { completeProblems } from './project-rules.ts';
import { computeWarning, daysBetween, isOverdue, rollUpProgress, type WarningFacts } from './warnings.ts';

const TODAY = '2026-06-15';
const base: WarningFacts = { status: 'in_progress', dueOn: '2026-12-31', startOn: '2026-06-01', progressBp: 2000, milestones: [] };
const w = (p: Partial<WarningFacts>) => computeWarning({ ...base, ...p }, TODAY);

describe('supervision rules (督办)', () => {
  it('counts whole calendar days', () => {
    expect(daysBetween('2026-06-01', '2026-06-15')).toBe(14);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('overdue: past the deadline and still being carried out', () => {
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-06-14' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'proposed', dueOn: '2026-06-14' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: TODAY }, TODAY)).toBe(false);
    for (const s of ['completed', 'accepted', 'cancelled'] as const) expect(isOverdue({ status: s, dueOn: '2020-01-01' }, TODAY)).toBe(false);
  });

  it('red when overdue, naming the deadline and the days', () => {
    const r = w({ dueOn: '2026-06-05' });
    expect(r.level).toBe('red');
    expect(r.reason).toContain('2026-06-05');
    expect(r.late).toEqual({ what: '项目', dueOn: '2026-06-05', days: 10 });
  });

  it('red when a milestone is late by more than 7 days; yellow within 7', () => {
    const ms = (dueOn: string, progressPct = 50) => [{ title: '摸排', dueOn, progressPct }];
    expect(w({ milestones: ms('2026-06-07') }).level).toBe('red'); // 8 days
    expect(w({ milestones: ms('2026-06-08') }).level).toBe('yellow'); // 7 days
    expect(w({ milestones: ms('2026-06-14') }).reason).toContain('节点“摸排”');
    // A finished milestone is never late.
    expect(w({ milestones: ms('2026-01-01', 100) }).level).toBe('green');
  });

  it('yellow when due within 7 days and not finished', () => {
    expect(w({ dueOn: '2026-06-22' }).level).toBe('yellow');
    expect(w({ dueOn: '2026-06-23', progressBp: 5000 }).level).toBe('green');
    expect(w({ dueOn: '2026-06-22', progressBp: 9900 }).level).toBe('yellow');
    expect(w({ dueOn: TODAY }).level).toBe('yellow');
    expect(w({ dueOn: '2026-06-20', progressBp: 10_000 }).level).toBe('green');
  });

  it('yellow when progress is more than 30 points behind the elapsed share of the schedule', () => {
    // 2026-06-01 → 2026-07-01: 14 of 30 days elapsed (46.7 %).
    expect(w({ dueOn: '2026-07-01', progressBp: 1600 }).level).toBe('yellow');
    expect(w({ dueOn: '2026-07-01', progressBp: 1700 }).level).toBe('green');
    expect(w({ dueOn: '2026-07-01', startOn: null, progressBp: 0 }).level).toBe('green');
  });

  it('none once completed, accepted or cancelled', () => {
    for (const s of ['completed', 'accepted', 'cancelled'] as const) expect(w({ status: s, dueOn: '2020-01-01' })).toEqual({ level: 'none', reason: null, late: null });
  });

  it('rolls progress up from weighted milestones (Σ weight·pct / Σ weight, basis points)', () => {
    expect(rollUpProgress([])).toBe(0);
    expect(rollUpProgress([{ weight: 40, progressPct: 100 }, { weight: 60, progressPct: 0 }])).toBe(4000);
    expect(rollUpProgress([{ weight: 1, progressPct: 50 }, { weight: 2, progressPct: 100 }])).toBe(8333);
    expect(rollUpProgress([{ weight: 3, progressPct: 100 }])).toBe(10_000);
  });

  it('complete needs every milestone at 100 %, and nothing when there are none', () => {
    expect(completeProblems({ progressBp: 10_000 }, [{ title: 'a', progressPct: 100 }])).toEqual([]);
    expect(completeProblems({ progressBp: 0 }, [])).toEqual([]);
    const [p] = completeProblems({ progressBp: 4000 }, [{ title: '摸排', progressPct: 100 }, { title: '服务', progressPct: 0 }]);
    expect(p!.code).toBe('progress');
    expect(p!.message).toContain('“服务”（0%）');
  });
});

describe('project state machine table', () => {
  it('every action leaves from some state, never from a final one, and lands in a known state', () => {
    for (const a of PROJECT_ACTIONS) {
      const t = PROJECT_TRANSITIONS[a];
      expect(t.from.length).toBeGreaterThan(0);
      expect(PROJECT_STATUSES).toContain(t.to);
      expect(t.from).not.toContain('accepted');
      expect(t.from).not.toContain('cancelled');
    }
  });

  it('explains an illegal step in Chinese, naming the state and where the action starts', () => {
    expect(isLegalProjectStep('accept', 'in_progress')).toBe(false);
    expect(illegalProjectStepMessage('accept', 'in_progress')).toBe('项目当前为“实施中”状态，不能“验收通过”：该操作只适用于“已完成”状态');
  });
});
