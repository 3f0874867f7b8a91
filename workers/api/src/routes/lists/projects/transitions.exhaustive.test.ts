import { PROJECT_ACTIONS, PROJECT_STATUSES, ROLES, type Organization, type ProjectAction, type ProjectStatus, type Role } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_STATES, projectTarget } from '../../../../../../test/spec/project-states.ts';
import { scopesOf } from '../../../../../../test/spec/role-actions.ts';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts, type GrantSpec } from '../../../../../../test/support/factories.ts';
import { makeProject } from '../../../../../../test/support/list-factories.ts';

// Every (state, action, role) of the project state machine, through the API.
// Expectations come from the hand-written tables in test/spec (the project's
// state × action grid and the role × action grid), never from
// PROJECT_TRANSITIONS or MATRIX: a role the intended table does not give the
// action → 403; a member-scoped grant (project.deliver for a claimant) counts
// only when the scoped organization holds a confirmed claim — the factory
// gives the lead's from `claimed` on; an allowed role in a state the action
// does not apply to → 409; both → 200 and the project is in the intended
// target state. Refusals leave the tenant as it was.
const T = 'kalaqin';

const BODIES: Record<ProjectAction, Record<string, unknown>> = {
  start: {},
  complete: { beneficiaries: 20, deliveredQty: 2, outcomeNote: '按计划完成' },
  accept: { note: '验收合格' },
  return: { reason: '材料不全，退回补充' },
  cancel: { reason: '需求已由其他渠道解决' },
};

let committee: Organization;
let lead: Organization;
let alliance: MadeAlliance;
const tokens = {} as Record<Role, string>;

function roleMay(role: Role, action: ProjectAction, state: ProjectStatus): boolean {
  const leadHasConfirmedClaim = state !== 'proposed';
  return scopesOf(PROJECT_STATES[action][0], role).some((scope) => scope !== 'alliance_member' || leadHasConfirmedClaim);
}

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: committee, domain: '社区' });
  alliance = await makeAlliance(T, { lead, committee, status: 'active' });
  const grant = (role: Role): GrantSpec =>
    role === 'city_admin'
      ? { tenant: 'chifeng', role }
      : role === 'committee_reviewer'
        ? { tenant: T, role, scopeOrgId: committee.id }
        : role === 'alliance_admin' || role === 'org_liaison'
          ? { tenant: T, role, scopeOrgId: lead.id }
          : { tenant: T, role };
  for (const role of ROLES) tokens[role] = (await makeUser([grant(role)])).token;
});

describe('project state machine: every (state, action, role)', () => {
  for (const state of PROJECT_STATUSES) {
    for (const action of PROJECT_ACTIONS) {
      const to = projectTarget(action, state);
      const legal = to !== null;
      it(`${state} —${action}→ ${to ?? '✗'}`, async () => {
        let made = await makeProject(T, alliance, state);
        for (const role of ROLES) {
          const may = roleMay(role, action, state);
          const before = await snapshotCounts(T);
          const res = await call('POST', `/api/t/${T}/projects/${made.project.id}/${action}`, {
            token: tokens[role],
            body: BODIES[action],
            headers: { 'if-match': `"v${made.project.version}"` },
          });
          const body = (await res.json()) as { code?: string; detail?: string; status?: string; can?: Record<string, boolean> };
          const label = `${role} ${action} from ${state}: ${JSON.stringify(body).slice(0, 300)}`;
          if (may && legal) {
            expect(res.status, label).toBe(200);
            expect(body.status, label).toBe(to);
            expect((await snapshotCounts(T)).audit, label).toBe(before.audit + 1);
            made = await makeProject(T, alliance, state);
            continue;
          }
          expect(res.status, label).toBe(may ? 409 : 403);
          expect(body.code, label).toBe(may ? 'conflict' : 'forbidden');
          expect(body.detail, label).toMatch(/[\u4e00-\u9fa5]/);
          expect(await snapshotCounts(T), label).toEqual(before);
        }
        // The detail's `can` flags follow the intended table too.
        const detail = (await (await call('GET', `/api/t/${T}/projects/${made.project.id}`, { token: tokens.county_admin })).json()) as { can: Record<string, boolean> };
        expect(detail.can[action]).toBe(legal);
      });
    }
  }
});
