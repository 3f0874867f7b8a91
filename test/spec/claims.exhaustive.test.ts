import { newId, openDb } from '@ronghe/core';
import { projectClaims, type ClaimStatus, type Organization, type ProjectDetailView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts } from '../support/factories.ts';
import { makeProject, type MadeProject } from '../support/list-factories.ts';
import { bindings } from '../support/worker.ts';
import { CLAIM_PROJECT_STATES, CLAIM_STATE_COLUMNS, claimTarget, projectAfterClaim, type ClaimAction } from './claim-states.ts';
import { PROJECT_STATE_COLUMNS } from './project-states.ts';

// Claims (认领) through the API, every cell of the hand-written tables in
// claim-states.ts: each claim step tried in every project status, and each
// claim action on a claim in every claim status. The service keeps these
// rules in code, not in a table, so this is where they are pinned. Refusals
// are 409 `conflict` and write nothing.
const T = 'aohan';
const db = () => openDb(bindings[findTenant(T)!.binding]!);

let alliance: MadeAlliance;
const tok = {} as { county: string; lead: string; second: string; third: string };

beforeAll(async () => {
  const committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  const lead = await makeOrg(T, { parent: committee, domain: '社区' });
  const others: Organization[] = [await makeOrg(T, { domain: '机关', kind: '党支部' }), await makeOrg(T, { domain: '物业', kind: '党支部' })];
  alliance = await makeAlliance(T, { lead, committee, status: 'active', members: others });
  tok.county = (await makeUser([{ tenant: T, role: 'county_admin' }])).token;
  // The lead's secretary decides claims and, for its own organization, claims and withdraws like any member.
  tok.lead = (await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }])).token;
  tok.second = (await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: others[0]!.id }])).token;
  tok.third = (await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: others[1]!.id }])).token;
});

async function detail(id: string): Promise<ProjectDetailView> {
  return (await (await call('GET', `/api/t/${T}/projects/${id}`, { token: tok.county })).json()) as ProjectDetailView;
}

/** A claim row the factory does not make for this state (e.g. a pending claim on a completed project). */
async function insertClaim(made: MadeProject, orgId: string, status: ClaimStatus): Promise<string> {
  const id = newId('pcl', Date.now());
  const now = Date.now();
  await db().insert(projectClaims).values({ id, projectId: made.project.id, orgId, status, note: '补充认领', claimedBy: 'usr_factory', claimedAt: now, ...(status === 'pending' ? {} : { decidedBy: 'usr_factory', decidedAt: now }) });
  return id;
}

function decideClaim(projectId: string, claimId: string, decision: 'confirm' | 'decline', version: number) {
  return call('POST', `/api/t/${T}/projects/${projectId}/claims/${claimId}/decide`, {
    token: tok.lead,
    body: decision === 'confirm' ? { decision } : { decision, note: '已有单位承担' },
    headers: { 'if-match': `"v${version}"` },
  });
}

function withdrawClaim(projectId: string, claimId: string, token: string, version: number) {
  return call('POST', `/api/t/${T}/projects/${projectId}/claims/${claimId}/withdraw`, { token, headers: { 'if-match': `"v${version}"` } });
}

type Step = keyof typeof CLAIM_PROJECT_STATES;

/** The claim a step is about, inserted first when the factory makes none for this state (e.g. pending on a completed project). */
async function claimFor(step: Step, made: MadeProject): Promise<string> {
  const second = alliance.members[1]!.orgId;
  if (step === 'claim') return '';
  // A proposed project has no confirmed claim; the row is put there to show it still cannot be withdrawn.
  if (step === 'withdraw the only confirmed') return made.claimId ?? (await insertClaim(made, alliance.alliance.leadOrgId, 'confirmed'));
  return made.pendingClaimId ?? (await insertClaim(made, second, 'pending'));
}

const STEP_CLAIM_STATUS: Record<Step, ClaimStatus> = {
  'claim': 'pending',
  'confirm pending': 'confirmed',
  'decline pending': 'declined',
  'withdraw pending': 'withdrawn',
  'withdraw the only confirmed': 'withdrawn',
};

function take(step: Step, made: MadeProject, claimId: string): Promise<Response> {
  const p = made.project;
  switch (step) {
    case 'claim':
      return call('POST', `/api/t/${T}/projects/${p.id}/claims`, { token: tok.third, body: { orgId: alliance.members[2]!.orgId, note: '提供活动场地' } });
    case 'confirm pending':
      return decideClaim(p.id, claimId, 'confirm', p.version);
    case 'decline pending':
      return decideClaim(p.id, claimId, 'decline', p.version);
    case 'withdraw pending':
      return withdrawClaim(p.id, claimId, tok.second, p.version);
    case 'withdraw the only confirmed':
      return withdrawClaim(p.id, claimId, tok.lead, p.version);
  }
}

describe('claim steps × project status', () => {
  for (const step of Object.keys(CLAIM_PROJECT_STATES) as Step[]) {
    for (const state of PROJECT_STATE_COLUMNS) {
      const after = projectAfterClaim(step, state);
      it(`${step} on a ${state} project → ${after ?? '✗'}`, async () => {
        const made = await makeProject(T, alliance, state);
        const claimId = await claimFor(step, made);
        const before = await snapshotCounts(T);
        const res = await take(step, made, claimId);
        const body = (await res.json()) as ProjectDetailView & { code?: string; detail?: string };
        const label = `${step} on a ${state} project: ${JSON.stringify(body).slice(0, 300)}`;
        if (after === null) {
          expect(res.status, label).toBe(409);
          expect(body.code, label).toBe('conflict');
          // Closed projects take no claim business at all; an open one refuses only a confirmed claimant leaving once work started.
          expect(body.detail, label).toMatch(['completed', 'accepted', 'cancelled'].includes(state) ? /不再接受认领/ : /已确认的认领不能撤回/);
          expect(await snapshotCounts(T), label).toEqual(before);
          return;
        }
        expect(res.status, label).toBeLessThan(300);
        expect(body.status, label).toBe(after);
        const claim = step === 'claim' ? body.claims.find((c) => c.orgId === alliance.members[2]!.orgId) : body.claims.find((c) => c.id === claimId);
        expect(claim?.status, label).toBe(STEP_CLAIM_STATUS[step]);
        expect((await snapshotCounts(T)).audit, label).toBe(before.audit + 1);
      });
    }
  }
});

describe('claim status × action (on a claimed project)', () => {
  for (const state of CLAIM_STATE_COLUMNS) {
    for (const action of ['confirm', 'decline', 'withdraw'] as ClaimAction[]) {
      const to = claimTarget(action, state);
      it(`${state} —${action}→ ${to ?? '✗'}`, async () => {
        const made = await makeProject(T, alliance, 'claimed');
        const p = made.project.id;
        const claimId = made.pendingClaimId!;
        // Bring the second member's claim to `state` through the API.
        const setup =
          state === 'confirmed' ? await decideClaim(p, claimId, 'confirm', made.project.version)
          : state === 'declined' ? await decideClaim(p, claimId, 'decline', made.project.version)
          : state === 'withdrawn' ? await withdrawClaim(p, claimId, tok.second, made.project.version)
          : null;
        if (setup) expect(setup.status, await setup.clone().text()).toBe(200);
        const version = (await detail(p)).version;
        const before = await snapshotCounts(T);
        const res = action === 'withdraw' ? await withdrawClaim(p, claimId, tok.second, version) : await decideClaim(p, claimId, action, version);
        const body = (await res.json()) as ProjectDetailView & { code?: string; detail?: string };
        const label = `${action} a ${state} claim: ${JSON.stringify(body).slice(0, 300)}`;
        if (to === null) {
          expect(res.status, label).toBe(409);
          expect(body.code, label).toBe('conflict');
          // A decided claim cannot be decided again; a declined or withdrawn one cannot be withdrawn.
          expect(body.detail, label).toMatch(action === 'withdraw' ? /该认领已结束/ : /不能再作决定/);
          expect(await snapshotCounts(T), label).toEqual(before);
          return;
        }
        expect(res.status, label).toBe(200);
        expect(body.claims.find((c) => c.id === claimId)?.status, label).toBe(to);
        // The lead's confirmed claim keeps the project claimed.
        expect(body.status, label).toBe('claimed');
      });
    }
  }
});
