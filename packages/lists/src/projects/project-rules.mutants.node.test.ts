import { describe, expect, it } from 'vitest';
import { AppError, type Ctx } from '@ronghe/core';
import type { Role } from '@ronghe/schema';
import type { AllianceRef } from '../shared/alliance.ts';
import {
  assertMayDeliver,
  assertMayManage,
  assertMayTransition,
  assertProjectVersion,
  completeProblems,
  deliverOrgIds,
  isFinalProject,
  mayDeliver,
  maySupervise,
  mayTransition,
  projectDate,
  projectFieldsError,
  projectProblemsError,
} from './project-rules.ts';
import { illegalProjectStepMessage, PROJECT_TRANSITIONS } from './state-machine.ts';
import { computeWarning, isMilestoneOverdue, type WarningFacts } from './warnings.ts';

// Who carries out a project and when (README "The three lists", ADR 0009,
// seed 000 9.3), and the 督办 warnings' wording. Expected values are worked
// out by hand from those texts.

// 2026-06-15 12:00 in Asia/Shanghai.
const NOW = Date.UTC(2026, 5, 15, 4, 0, 0);
const ctxOf = (role: Role, scopeOrgId: string | null = null) =>
  ({ clock: { now: () => NOW }, actor: { userId: 'usr_1', displayName: 'x', grants: [{ role, scopeOrgId, scopeAllianceId: null }] } }) as unknown as Ctx;
const alliance: AllianceRef = { id: 'aln_1', name: '铁南联合体', status: 'active', leadOrgId: 'org_lead', committeeOrgId: 'org_street', committeePath: '/org_county/org_street/' };
const caught = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  return null;
};

describe('who carries out a project', () => {
  const liaison = ctxOf('org_liaison', 'org_m1');
  const confirmed = [{ orgId: 'org_m1', status: 'confirmed' as const }];

  it('a member’s liaison acts only for its own confirmed claim', () => {
    expect(deliverOrgIds(liaison, alliance, confirmed)).toEqual(['org_m1']);
    expect(deliverOrgIds(liaison, alliance, [{ orgId: 'org_m1', status: 'pending' }])).toEqual([]);
    expect(deliverOrgIds(liaison, alliance, [{ orgId: 'org_m2', status: 'confirmed' }, { orgId: 'org_m1', status: 'declined' }])).toEqual([]);
    expect(mayDeliver(liaison, alliance, confirmed)).toBe(true);
    expect(mayDeliver(liaison, alliance, [{ orgId: 'org_m1', status: 'withdrawn' }])).toBe(false);
    expect(mayDeliver(liaison, alliance, [])).toBe(false);
  });

  it('the alliance (its lead’s secretary) and the county carry out without a claim', () => {
    expect(mayDeliver(ctxOf('alliance_admin', 'org_lead'), alliance, [])).toBe(true);
    expect(mayDeliver(ctxOf('county_admin'), alliance, [])).toBe(true);
    expect(mayDeliver(ctxOf('member', 'org_m1'), alliance, confirmed)).toBe(false);
  });

  it('refuses with the reason, naming who may', () => {
    expect(caught(() => assertMayDeliver(liaison, alliance, confirmed))).toBeNull();
    const e = caught(() => assertMayDeliver(liaison, alliance, []));
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'forbidden', status: 403, detail: '只有已确认的认领单位（联络员或书记）或联合体管理员可以办理' });
  });

  it('only the alliance and the county manage: accept, return and cancel', () => {
    expect(caught(() => assertMayManage(ctxOf('alliance_admin', 'org_lead'), alliance))).toBeNull();
    expect(caught(() => assertMayManage(ctxOf('county_admin'), alliance))).toBeNull();
    expect(caught(() => assertMayManage(liaison, alliance))).toMatchObject({
      code: 'forbidden',
      detail: '只有联合体牵头党组织书记（联合体管理员）或旗县区委组织部管理员可以办理',
    });
    for (const action of ['accept', 'return', 'cancel'] as const) {
      expect(mayTransition(liaison, action, alliance, confirmed), action).toBe(false);
      expect(caught(() => assertMayTransition(liaison, action, alliance, confirmed))?.code, action).toBe('forbidden');
      expect(mayTransition(ctxOf('alliance_admin', 'org_lead'), action, alliance, []), action).toBe(true);
      expect(caught(() => assertMayTransition(ctxOf('alliance_admin', 'org_lead'), action, alliance, [])), action).toBeNull();
    }
  });

  it('a confirmed claimant starts and reports completion; an unconfirmed one may not', () => {
    for (const action of ['start', 'complete'] as const) {
      expect(mayTransition(liaison, action, alliance, confirmed), action).toBe(true);
      expect(caught(() => assertMayTransition(liaison, action, alliance, confirmed)), action).toBeNull();
      expect(mayTransition(liaison, action, alliance, []), action).toBe(false);
      expect(caught(() => assertMayTransition(liaison, action, alliance, []))?.detail, action).toBe('只有已确认的认领单位（联络员或书记）或联合体管理员可以办理');
    }
  });

  it('督办 is the county’s, the approving committee’s and the alliance’s, not a member’s', () => {
    expect(maySupervise(ctxOf('committee_reviewer', 'org_street'), alliance)).toBe(true);
    expect(maySupervise(ctxOf('alliance_admin', 'org_lead'), alliance)).toBe(true);
    expect(maySupervise(liaison, alliance)).toBe(false);
  });
});

describe('project steps', () => {
  it('move the allocations: start into delivery, accept fulfils, cancel releases; complete and return leave them', () => {
    expect(Object.fromEntries(Object.entries(PROJECT_TRANSITIONS).map(([a, t]) => [a, t.allocations]))).toEqual({
      start: 'in_delivery',
      complete: null,
      accept: 'fulfilled',
      return: null,
      cancel: 'released',
    });
  });

  it('name every state a step may start from', () => {
    expect(illegalProjectStepMessage('cancel', 'accepted')).toBe('项目当前为“已验收”状态，不能“取消项目”：该操作只适用于“待认领”或“已认领”或“实施中”状态');
  });

  it('are over once accepted or cancelled', () => {
    expect(isFinalProject('accepted')).toBe(true);
    expect(isFinalProject('cancelled')).toBe(true);
    for (const s of ['proposed', 'claimed', 'in_progress', 'completed'] as const) expect(isFinalProject(s), s).toBe(false);
  });

  it('refuse a stale version with 412', () => {
    expect(caught(() => assertProjectVersion(3, 3))).toBeNull();
    expect(caught(() => assertProjectVersion(4, 3))).toMatchObject({ code: 'precondition_failed', status: 412, detail: '数据已被他人修改，请刷新后重试' });
  });

  it('report completion only with every milestone at 100 %, listing the unfinished ones and the progress', () => {
    const [p] = completeProblems({ progressBp: 4050 }, [
      { title: '摸排', progressPct: 100 },
      { title: '服务', progressPct: 30 },
      { title: '总结', progressPct: 0 },
    ]);
    expect(p).toEqual({ code: 'progress', message: '项目进度为 40%，须全部节点完成（100%）后才能报告完成；未完成的节点：“服务”（30%）、“总结”（0%）' });
  });
});

describe('business dates of a project step', () => {
  it('default to today in Asia/Shanghai and accept today or an earlier day', () => {
    expect(projectDate(ctxOf('county_admin'), undefined, null)).toBe('2026-06-15');
    expect(projectDate(ctxOf('county_admin'), '2026-06-15', '2026-06-15')).toBe('2026-06-15');
    expect(projectDate(ctxOf('county_admin'), '2026-06-01', '2026-05-31')).toBe('2026-06-01');
  });

  it('refuse a future date on the field', () => {
    const e = caught(() => projectDate(ctxOf('county_admin'), '2026-06-16', null));
    expect(e).toMatchObject({ code: 'validation_failed', status: 422, detail: '日期不能晚于今天', errors: [{ path: 'body.onDate', message: '日期不能晚于今天（2026-06-15）' }] });
    expect(caught(() => projectDate(ctxOf('county_admin'), '2026-07-01', null, 'body.completedOn'))?.errors[0]?.path).toBe('body.completedOn');
  });

  it('refuse a date before the previous step', () => {
    const e = caught(() => projectDate(ctxOf('county_admin'), '2026-06-09', '2026-06-10'));
    expect(e).toMatchObject({ code: 'validation_failed', detail: '日期早于上一环节', errors: [{ path: 'body.onDate', message: '日期不能早于上一环节的日期（2026-06-10）' }] });
  });
});

describe('refusals that list their items', () => {
  it('a 409 names each unmet rule under rules.<code>', () => {
    const e = projectProblemsError('不能报告完成', [{ code: 'progress', message: '进度不足' }]);
    expect(e).toMatchObject({ code: 'conflict', status: 409, detail: '不能报告完成', errors: [{ path: 'rules.progress', message: '进度不足' }] });
  });

  it('a 422 keeps the field errors', () => {
    const errors = [{ path: 'body.title', message: '必填' }];
    expect(projectFieldsError(errors)).toMatchObject({ code: 'validation_failed', status: 422, detail: '请根据字段提示修改后重新提交', errors });
  });
});

describe('督办 warnings, in words (README: red/yellow/green)', () => {
  const TODAY = '2026-06-15';
  const base: WarningFacts = { status: 'in_progress', dueOn: '2026-12-31', startOn: '2026-06-01', progressBp: 2000, milestones: [] };
  const w = (p: Partial<WarningFacts>) => computeWarning({ ...base, ...p }, TODAY);

  it('a milestone is late only after its date, when dated and unfinished', () => {
    expect(isMilestoneOverdue({ dueOn: '2026-06-14', progressPct: 99 }, TODAY)).toBe(true);
    expect(isMilestoneOverdue({ dueOn: TODAY, progressPct: 0 }, TODAY)).toBe(false);
    expect(isMilestoneOverdue({ dueOn: null, progressPct: 0 }, TODAY)).toBe(false);
    expect(isMilestoneOverdue({ dueOn: '2026-06-14', progressPct: 100 }, TODAY)).toBe(false);
  });

  it('red for the latest milestone, naming it, its date and the days', () => {
    // 摸排 is 3 days late, 走访 9 days (2026-06-06 → 2026-06-15): 走访 decides.
    const r = w({ milestones: [{ title: '摸排', dueOn: '2026-06-12', progressPct: 50 }, { title: '走访', dueOn: '2026-06-06', progressPct: 0 }] });
    expect(r).toEqual({
      level: 'red',
      reason: '节点“走访”超过计划日期（2026-06-06）7 天以上仍未完成',
      late: { what: '节点“走访”', dueOn: '2026-06-06', days: 9 },
    });
  });

  it('yellow when due soon, with the date and the progress in whole percent', () => {
    expect(w({ dueOn: '2026-06-22', progressBp: 2050 })).toEqual({ level: 'yellow', reason: '将于 2026-06-22 到期（7 天内），进度 20%', late: null });
  });

  it('yellow when behind schedule by more than 30 points, not at exactly 30', () => {
    // 2026-06-05 → 2026-06-25: 10 of 20 days elapsed = 50 %; 50 − 20 = 30 points is not more than 30.
    expect(w({ startOn: '2026-06-05', dueOn: '2026-06-25', progressBp: 2000 }).level).toBe('green');
    expect(w({ startOn: '2026-06-05', dueOn: '2026-06-25', progressBp: 1999 })).toEqual({ level: 'yellow', reason: '进度落后于时间进度 30 个百分点以上', late: null });
  });
});
