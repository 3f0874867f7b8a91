import { describe, expect, it } from 'vitest';
import { AppError, type Ctx } from '@ronghe/core';
import { ALLIANCE_ACTIONS, ALLIANCE_STATUSES, type AllianceAction, type AllianceStatus } from '@ronghe/schema';
import { assertMay, may } from './access.ts';
import { ALLIANCE_STATE_COLUMNS, ALLIANCE_STATES, allianceTarget } from '../../../test/spec/alliance-states.ts';
import { ADJUSTABLE, EDITABLE_FILE, GOVERNANCE_EDITABLE, illegalTransitionMessage, isLegal, TRANSITIONS } from './state-machine.ts';

// From, to and who decides come from the lifecycle written out by hand in
// test/spec/alliance-states.ts (README "The alliance lifecycle", ADR 0007,
// seed 000 §7–§8) — not from TRANSITIONS. What each step must carry and the
// filing it leaves are written here: approvals, rectification and dissolution
// are filed with the county and the city (seed 000 7.2, 8.2, 8.3).
const CARRIES: Record<AllianceAction, { requires: 'reason' | 'reply' | 'foundedOn' | null; filing: 'approval' | 'rectification' | 'dissolution' | null }> = {
  apply: { requires: null, filing: null },
  withdraw: { requires: 'reason', filing: null },
  approve: { requires: 'reply', filing: 'approval' },
  reject: { requires: 'reply', filing: null },
  revise: { requires: null, filing: null },
  establish: { requires: 'foundedOn', filing: null },
  start: { requires: null, filing: null },
  rectify: { requires: 'reason', filing: 'rectification' },
  restore: { requires: 'reason', filing: 'rectification' },
  dissolve: { requires: 'reason', filing: 'dissolution' },
};
const INTENDED = Object.fromEntries(
  ALLIANCE_ACTIONS.map((action) => {
    const from = ALLIANCE_STATE_COLUMNS.filter((s) => allianceTarget(action, s) !== null);
    return [action, { from: [...from], to: allianceTarget(action, from[0]!)!, permission: ALLIANCE_STATES[action][0], ...CARRIES[action] }];
  }),
) as Record<AllianceAction, { from: AllianceStatus[]; to: AllianceStatus; permission: string; requires: string | null; filing: string | null }>;

describe('alliance state machine', () => {
  it('has exactly the intended transitions', () => {
    for (const action of ALLIANCE_ACTIONS) {
      const t = TRANSITIONS[action];
      expect({ ...t, from: [...t.from].sort() }, action).toEqual({ ...INTENDED[action], from: [...INTENDED[action].from].sort() });
    }
  });

  it('allows an action exactly from its intended states, for every action × state', () => {
    for (const action of ALLIANCE_ACTIONS) {
      for (const status of ALLIANCE_STATUSES) expect(isLegal(action, status), `${action} from ${status}`).toBe(INTENDED[action].from.includes(status));
    }
  });

  it('explains an illegal step with the current state and where the action starts', () => {
    expect(illegalTransitionMessage('apply', 'active')).toBe('联合体当前为“运行中”状态，不能“提交申请”：该操作只适用于“草稿”状态');
    expect(illegalTransitionMessage('dissolve', 'draft')).toBe(
      '联合体当前为“草稿”状态，不能“撤销”：该操作只适用于“已批准”或“已组建”或“运行中”或“规范整顿”状态',
    );
  });

  it('keeps the file editable only before approval, governance until dissolution, adjustments while running', () => {
    expect([...EDITABLE_FILE].sort()).toEqual(['draft', 'rejected']);
    expect([...GOVERNANCE_EDITABLE].sort()).toEqual(['active', 'approved', 'draft', 'established', 'rectifying', 'rejected']);
    expect([...ADJUSTABLE].sort()).toEqual(['active', 'rectifying']);
  });
});

describe('who may act on an alliance (ADR 0007 scopes)', () => {
  const alliance = { id: 'aln_1', leadOrgId: 'org_lead', committeePath: '/org_county/org_street/' };
  const ctx = (role: 'county_admin' | 'committee_reviewer' | 'alliance_admin' | 'org_liaison', scopeOrgId: string | null) =>
    ({ actor: { userId: 'usr_1', displayName: 'x', grants: [{ role, scopeOrgId, scopeAllianceId: null }] } }) as unknown as Ctx;
  const refusal = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    return null;
  };

  it('lets the approving committee’s reviewer decide and nobody else', () => {
    expect(may(ctx('committee_reviewer', 'org_street'), 'alliance.review', alliance)).toBe(true);
    expect(may(ctx('committee_reviewer', 'org_other'), 'alliance.review', alliance)).toBe(false);
    expect(may(ctx('county_admin', null), 'alliance.review', alliance)).toBe(false);
    const e = refusal(() => assertMay(ctx('county_admin', null), 'alliance.review', alliance));
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'forbidden', status: 403, detail: '只有批准该联合体的上级党(工)委审核人可以作出此决定' });
    expect(refusal(() => assertMay(ctx('committee_reviewer', 'org_street'), 'alliance.review', alliance))).toBeNull();
  });

  it('lets the lead’s secretary or the county administrator run the file', () => {
    expect(may(ctx('alliance_admin', 'org_lead'), 'alliance.manage', alliance)).toBe(true);
    expect(may(ctx('alliance_admin', 'org_other'), 'alliance.manage', alliance)).toBe(false);
    const e = refusal(() => assertMay(ctx('committee_reviewer', 'org_street'), 'alliance.manage', alliance));
    expect(e).toMatchObject({ code: 'forbidden', detail: '只有牵头党组织书记（联合体管理员）或旗县区委组织部管理员可以办理' });
    expect(refusal(() => assertMay(ctx('county_admin', null), 'alliance.manage', alliance))).toBeNull();
  });

  it('lets a member’s liaison update its own member row only', () => {
    expect(may(ctx('org_liaison', 'org_m1'), 'alliance.member_update', alliance, 'org_m1')).toBe(true);
    expect(may(ctx('org_liaison', 'org_m1'), 'alliance.member_update', alliance, 'org_m2')).toBe(false);
    expect(may(ctx('org_liaison', 'org_m1'), 'alliance.member_update', alliance)).toBe(false);
  });
});
