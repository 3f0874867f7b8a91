import { eq } from 'drizzle-orm';
import { openDb } from '@ronghe/core';
import { alliances, ALLIANCE_STATUSES, type AllianceDetail, type Organization } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance } from '../support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts } from '../support/factories.ts';
import { bindings } from '../support/worker.ts';
import { ADJUSTMENT_STATE_COLUMNS, adjustableIn, adjustmentTarget, type AdjustmentDecision } from './adjustment-states.ts';

// Adjustments through the API, every cell of the hand-written tables in
// adjustment-states.ts: in which alliance states one may be proposed and
// decided, and what each decision does to a proposal in each state. The
// service keeps these rules in code, not in a table, so this is where they
// are pinned. Refusals are 409 `conflict` and write nothing.
const T = 'yuanbaoshan';
const db = () => openDb(bindings[findTenant(T)!.binding]!);

let committee: Organization;
let lead: Organization;
let county: string;
let reviewer: string;

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: committee, domain: '社区' });
  county = (await makeUser([{ tenant: T, role: 'county_admin' }])).token;
  reviewer = (await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }])).token;
});

// The reasons a person is told: the alliance is not running (or being rectified); the proposal was already decided.
const NOT_RUNNING = /只有运行中或规范整顿中的联合体可以调整/;
const TYPE_CHANGE = { kind: 'type_change', type: '党建联合体+', typeNote: '党建联合体+平安建设', reason: '工作重心调整' };

async function decide(allianceId: string, adjId: string, decision: AdjustmentDecision, version: number) {
  return call('POST', `/api/t/${T}/alliances/${allianceId}/adjustments/${adjId}/${decision}`, {
    token: reviewer,
    body: { note: decision === 'approve' ? '同意调整' : '暂不调整' },
    headers: { 'if-match': `"v${version}"` },
  });
}

async function expectRefused(res: Response, before: Awaited<ReturnType<typeof snapshotCounts>>, label: string, reason: RegExp) {
  const body = (await res.json()) as { code?: string; detail?: string };
  expect(res.status, `${label}: ${JSON.stringify(body)}`).toBe(409);
  expect(body.code, label).toBe('conflict');
  expect(body.detail, label).toMatch(reason);
  expect(await snapshotCounts(T), label).toEqual(before);
}

describe('adjustment proposed in each alliance state', () => {
  for (const state of ALLIANCE_STATUSES) {
    const ok = adjustableIn('propose', state);
    it(`${state} → ${ok ? '201' : '409'}`, async () => {
      const a = await makeAlliance(T, { lead, committee, status: state });
      const before = await snapshotCounts(T);
      const res = await call('POST', `/api/t/${T}/alliances/${a.alliance.id}/adjustments`, { token: county, body: TYPE_CHANGE });
      const label = `propose in ${state}`;
      if (!ok) return expectRefused(res, before, label, NOT_RUNNING);
      const body = (await res.json()) as AllianceDetail;
      expect(res.status, `${label}: ${JSON.stringify(body).slice(0, 300)}`).toBe(201);
      expect(body.adjustments.filter((j) => j.status === 'proposed' && j.payload.typeNote === TYPE_CHANGE.typeNote), label).toHaveLength(1);
    });
  }
});

describe('adjustment decided in each alliance state', () => {
  for (const state of ALLIANCE_STATUSES) {
    const ok = adjustableIn('decide', state);
    it(`${state} → ${ok ? '200' : '409'}`, async () => {
      // A proposal made while the alliance ran; the alliance has since moved to `state`.
      const a = await makeAlliance(T, { lead, committee, status: 'active' });
      await db().update(alliances).set({ status: state }).where(eq(alliances.id, a.alliance.id));
      const before = await snapshotCounts(T);
      const res = await decide(a.alliance.id, a.adjustmentId!, 'approve', 1);
      const label = `approve in ${state}`;
      if (!ok) return expectRefused(res, before, label, NOT_RUNNING);
      const body = (await res.json()) as AllianceDetail;
      expect(res.status, `${label}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
      expect(body.adjustments.find((j) => j.id === a.adjustmentId)?.status, label).toBe('approved');
    });
  }
});

describe('adjustment state × decision', () => {
  for (const state of ADJUSTMENT_STATE_COLUMNS) {
    for (const decision of ['approve', 'reject'] as const) {
      const to = adjustmentTarget(decision, state);
      it(`${state} —${decision}→ ${to ?? '✗'}`, async () => {
        const a = await makeAlliance(T, { lead, committee, status: 'active' });
        const adjId = a.adjustmentId!;
        let version = 1;
        if (state !== 'proposed') {
          const res = await decide(a.alliance.id, adjId, state === 'approved' ? 'approve' : 'reject', version);
          expect(res.status, await res.clone().text()).toBe(200);
          version = ((await res.json()) as AllianceDetail).adjustments.find((j) => j.id === adjId)!.version;
        }
        const before = await snapshotCounts(T);
        const res = await decide(a.alliance.id, adjId, decision, version);
        const label = `${decision} a proposal that is ${state}`;
        if (to === null) return expectRefused(res, before, label, /已作出决定/);
        const body = (await res.json()) as AllianceDetail;
        expect(res.status, `${label}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
        expect(body.adjustments.find((j) => j.id === adjId)?.status, label).toBe(to);
        // An approved adjustment is filed (调整备案, seed 000 8.2), and the filing is audited too (issue 13: filing.create).
        expect((await snapshotCounts(T)).audit, label).toBe(before.audit + 1 + (decision === 'approve' ? 1 : 0));
      });
    }
  }
});
