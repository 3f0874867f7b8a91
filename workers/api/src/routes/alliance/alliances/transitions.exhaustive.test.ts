import { ALLIANCE_ACTIONS, ALLIANCE_STATUSES, ROLES, type AllianceAction, type Organization, type Role } from '@ronghe/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLIANCE_STATES, allianceTarget } from '../../../../../../test/spec/alliance-states.ts';
import { roleHolds } from '../../../../../../test/spec/role-actions.ts';
import { makeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts, type GrantSpec } from '../../../../../../test/support/factories.ts';

// Every (state, action, role) of the alliance state machine, through the API.
// The expectation comes from the hand-written tables in test/spec (the
// alliance's state × action grid and the role × action grid), never from
// TRANSITIONS or MATRIX: a role the intended table does not give the deciding
// action is refused with 403; an allowed role in a state the action does not
// apply to gets 409; both allowed → 200 and the alliance is in the intended
// target state. Every scoped grant sits on the alliance's lead or committee,
// so holding the action at all is enough. Refusals must leave the tenant
// exactly as it was.
/** The decisions that leave a filing for the county and the city (seed 000 7.2 批复, 8.2 整顿, 8.3 撤销). */
const FILES = new Set(['approve', 'rectify', 'restore', 'dissolve']);
const T = 'keshiketeng';

const BODIES: Record<AllianceAction, Record<string, unknown>> = {
  apply: {},
  withdraw: { reason: '成员单位尚需调整' },
  approve: { replyText: '经研究，同意组建。' },
  reject: { replyText: '成员构成不符合要求。' },
  revise: { reason: '按批复意见修改' },
  establish: { foundedOn: '2025-03-18' },
  start: {},
  rectify: { reason: '年度考核较差' },
  restore: { reason: '整顿到位' },
  dissolve: { reason: '不再联建' },
};

let committee: Organization;
let lead: Organization;
let members: Organization[];
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: committee, domain: '社区' });
  members = [await makeOrg(T, { parent: committee, domain: '机关' }), await makeOrg(T, { parent: committee, domain: '物业' })];
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

describe('alliance state machine: every (state, action, role)', () => {
  for (const state of ALLIANCE_STATUSES) {
    for (const action of ALLIANCE_ACTIONS) {
      const to = allianceTarget(action, state);
      const legal = to !== null;
      const decider = ALLIANCE_STATES[action][0];
      it(`${state} —${action}→ ${to ?? '✗'}`, async () => {
        let a = await makeAlliance(T, { lead, committee, status: state, members });
        for (const role of ROLES) {
          const roleMay = roleHolds(decider, role);
          const before = await snapshotCounts(T);
          const res = await call('POST', `/api/t/${T}/alliances/${a.alliance.id}/${action}`, {
            token: tokens[role],
            body: BODIES[action],
            headers: { 'if-match': `"v${a.alliance.version}"` },
          });
          const body = (await res.json()) as { code?: string; detail?: string; status?: string };
          const label = `${role} ${action} from ${state}: ${JSON.stringify(body).slice(0, 300)}`;
          if (roleMay && legal) {
            expect(res.status, label).toBe(200);
            expect(body.status, label).toBe(to);
            // A decision that files (备案, seed 000 7.2, 8.2, 8.3) audits its filing too (issue 13: filing.create feeds the city's inbox).
            expect((await snapshotCounts(T)).audit, label).toBe(before.audit + 1 + (FILES.has(action) ? 1 : 0));
            // The alliance moved on: the remaining roles get a fresh one in the same state.
            a = await makeAlliance(T, { lead, committee, status: state, members });
            continue;
          }
          expect(res.status, label).toBe(roleMay ? 409 : 403);
          expect(body.code, label).toBe(roleMay ? 'conflict' : 'forbidden');
          expect(body.detail, label).toMatch(/[\u4e00-\u9fa5]/);
          expect(await snapshotCounts(T), label).toEqual(before);
        }
      });
    }
  }
});
