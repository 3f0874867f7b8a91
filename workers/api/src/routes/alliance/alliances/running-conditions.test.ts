import { openDb } from '@ronghe/core';
import { allianceDocuments, allianceGovernanceSeats, allianceMembers, auditLog, type AllianceDetail, type AllianceSummary, type Organization } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../../test/support/factories.ts';
import { bindings } from '../../../../../../test/support/worker.ts';

// Seed 000 8.1 and 11.1.2 after the gate: once founded, an alliance keeps its
// three staffed layers, every current member keeps one liaison who is a party
// member and its signed 共建协议, and the ratios keep summing to 100 % (or are
// all blank). A member joining by adjustment owes its agreement and liaison
// (pending, non-compliant until done); a join or leave that unbalances the
// ratios must be resolved by the decision itself.
const T = 'linxi';
const db = () => openDb(bindings[findTenant(T)!.binding]!);

let committee: Organization;
let leadOrg: Organization;
let reviewer: TestUser;
let lead: TestUser;

beforeAll(async () => {
  committee = await makeOrg(T, { kind: '党工委', domain: '街道' });
  leadOrg = await makeOrg(T, { parent: committee, kind: '党委', domain: '社区' });
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: committee.id }], { displayName: '街道审核人' });
  lead = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: leadOrg.id }]);
});

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
type Problem = { code: string; errors?: Array<{ path: string; message: string }> };
const v = (x: { version: number }) => ({ 'if-match': `"v${x.version}"` });
const P = (id: string, rest = '') => `/api/t/${T}/alliances/${id}${rest}`;
const getA = async (id: string) => json<AllianceDetail>(await call('GET', P(id), { token: lead.token }), 200);
/** The alliance as the list shows it. */
async function listed(id: string): Promise<AllianceSummary> {
  const page = await json<{ items: AllianceSummary[] }>(await call('GET', `/api/t/${T}/alliances?committeeId=${committee.id}&limit=100`, { token: lead.token }), 200);
  return page.items.find((a) => a.id === id)!;
}
/** A running alliance that meets every condition (the factory's: three layers, agreements, party-member liaisons, ratios blank). */
const fresh = () => makeAlliance(T, { lead: leadOrg, committee, status: 'active' });

/** The detail and the list agree the alliance is compliant, and the checks name nothing. */
async function expectCompliant(id: string) {
  const a = await getA(id);
  expect(a.checks.running).toEqual([]);
  expect(a.compliant).toBe(true);
  expect((await listed(id)).compliant).toBe(true);
}
/** The detail's running checks name exactly these problems (codes in order), and detail and list both say non-compliant. */
async function expectBroken(id: string, codes: string[], mentions: string) {
  const a = await getA(id);
  expect(a.checks.running.map((p) => p.code)).toEqual(codes);
  expect(a.checks.running.map((p) => p.message).join('；')).toContain(mentions);
  expect(a.compliant).toBe(false);
  expect((await listed(id)).compliant).toBe(false);
}

describe('an established or running alliance keeps its three staffed layers', () => {
  it('refuses a governance edit that leaves a layer empty, naming each empty layer; a full edit goes through', async () => {
    const made = await fresh();
    let a = await getA(made.alliance.id);
    const onlyExecution = { seats: [{ layer: '执行层', post: '联络员', personName: '赵联络', orgId: made.members[1]!.orgId }] };
    const refused = await json<Problem>(await call('PUT', P(a.id, '/governance'), { token: lead.token, body: onlyExecution, headers: v(a) }), 409);
    expect(refused.code).toBe('conflict');
    expect(refused.errors).toEqual([
      { path: 'rules.governance.layer', message: '议事机构缺少决策层人员' },
      { path: 'rules.governance.layer', message: '议事机构缺少协调层人员' },
    ]);
    a = await getA(a.id);
    expect(a.governance.map((s) => s.layer)).toEqual(['决策层', '协调层', '执行层']);
    const full = {
      seats: [
        { layer: '决策层', post: '总负责人', personName: '王书记', orgId: leadOrg.id },
        { layer: '协调层', post: '具体负责人', personName: '刘书记', orgId: made.members[1]!.orgId },
        { layer: '执行层', post: '联络员', personName: '钱联络', orgId: made.members[2]!.orgId },
      ],
    };
    a = await json<AllianceDetail>(await call('PUT', P(a.id, '/governance'), { token: lead.token, body: full, headers: v(a) }), 200);
    expect(a.governance.map((s) => s.personName)).toEqual(['王书记', '刘书记', '钱联络']);
  });

  it('an approved alliance still forming its body may save it layer by layer', async () => {
    const made = await makeAlliance(T, { lead: leadOrg, committee, status: 'approved' });
    const a = await getA(made.alliance.id);
    const saved = await json<AllianceDetail>(
      await call('PUT', P(a.id, '/governance'), { token: lead.token, body: { seats: [{ layer: '决策层', post: '总负责人', personName: '王书记', orgId: leadOrg.id }] }, headers: v(a) }),
      200,
    );
    expect(saved.governance).toHaveLength(1);
    expect(saved.compliant).toBeNull();
  });
});

describe('every current member keeps one liaison who is a party member', () => {
  it('refuses clearing the liaison or naming one who is not a party member; a party member replaces one', async () => {
    const made = await fresh();
    const m = (await getA(made.alliance.id)).members.find((x) => x.orgId === made.members[1]!.orgId)!;
    expect(m.liaisonPartyMember).toBe(true);
    const cleared = await json<Problem>(await call('PATCH', P(made.alliance.id, `/members/${m.id}`), { token: lead.token, body: { liaisonName: null }, headers: v(m) }), 422);
    expect(cleared.code).toBe('validation_failed');
    expect(cleared.errors![0]!.path).toBe('body.liaisonName');
    const notParty = await json<Problem>(
      await call('PATCH', P(made.alliance.id, `/members/${m.id}`), { token: lead.token, body: { liaisonName: '孙群众', liaisonPartyMember: false }, headers: v(m) }),
      422,
    );
    expect(notParty.errors![0]!.path).toBe('body.liaisonPartyMember');
    const a = await json<AllianceDetail>(
      await call('PATCH', P(made.alliance.id, `/members/${m.id}`), { token: lead.token, body: { liaisonName: '孙党员', liaisonPhone: '13904761234', liaisonPartyMember: true }, headers: v(m) }),
      200,
    );
    expect(a.members.find((x) => x.id === m.id)).toMatchObject({ liaisonName: '孙党员', liaisonPhone: '13904761234', liaisonPartyMember: true });
    expect(a.compliant).toBe(true);
  });

  it('in a draft the liaison is still a proposal and may be cleared', async () => {
    const made = await makeAlliance(T, { lead: leadOrg, committee, status: 'draft' });
    const m = (await getA(made.alliance.id)).members[1]!;
    const a = await json<AllianceDetail>(await call('PATCH', P(made.alliance.id, `/members/${m.id}`), { token: lead.token, body: { liaisonName: null }, headers: v(m) }), 200);
    expect(a.members[1]!.liaisonName).toBeNull();
  });

  it('starting needs each liaison to be a party member', async () => {
    const made = await makeAlliance(T, { lead: leadOrg, committee, status: 'established' });
    await db().update(allianceMembers).set({ liaisonPartyMember: false }).where(eq(allianceMembers.id, made.members[1]!.id));
    const a = await getA(made.alliance.id);
    expect(a.checks.start.map((p) => p.code)).toEqual(['members.liaisonParty']);
    const refused = await json<Problem>(await call('POST', P(a.id, '/start'), { token: lead.token, body: {}, headers: v(a) }), 409);
    expect(refused.errors!.map((e) => e.path)).toEqual(['rules.members.liaisonParty']);
  });
});

describe('a member joining by adjustment owes its agreement and its liaison', () => {
  it('the committee is told before approving; after, the checks list both as pending and the alliance is non-compliant until done', async () => {
    const made = await fresh();
    const joiner = await makeOrg(T, { kind: '党支部', domain: '社会组织' });
    let a = await json<AllianceDetail>(await call('POST', P(made.alliance.id, '/adjustments'), { token: lead.token, body: { kind: 'member_join', orgId: joiner.id, reason: '社会组织参与养老服务' } }), 201);
    const adj = a.adjustments.find((j) => j.kind === 'member_join')!;
    expect(adj.outstanding).toEqual([
      { code: 'documents.agreement', message: `同意后“${joiner.name}”须签署共建协议（待补办）` },
      { code: 'members.liaison', message: `同意后“${joiner.name}”须明确 1 名党员担任联络员（待补办）` },
    ]);
    // The ratios are all blank (0): nothing to resolve.
    expect(adj.contributionsAfter!.map((r) => [r.orgId, r.contributionBp])).toEqual([...made.members.map((m) => [m.orgId, 0]), [joiner.id, 0]]);
    const asReviewer = await json<AllianceDetail>(await call('GET', P(a.id), { token: reviewer.token }), 200);
    expect(asReviewer.adjustments.find((j) => j.id === adj.id)!.outstanding).toHaveLength(2);

    a = await json<AllianceDetail>(await call('POST', P(a.id, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意加入' }, headers: v(adj) }), 200);
    expect(a.adjustments.find((j) => j.id === adj.id)!.outstanding).toEqual([]);
    await expectBroken(a.id, ['documents.agreement', 'members.liaison'], `“${joiner.name}”尚未签署共建协议（待补办）`);

    const row = a.members.find((m) => m.orgId === joiner.id && m.current)!;
    await json(await call('POST', P(a.id, '/documents'), { token: lead.token, body: { kind: 'agreement', title: '共建协议', content: '双方约定……', status: 'adopted', signerOrgId: joiner.id } }), 201);
    await expectBroken(a.id, ['members.liaison'], `“${joiner.name}”尚未明确联络员（待补办）`);
    a = await json<AllianceDetail>(
      await call('PATCH', P(a.id, `/members/${row.id}`), { token: lead.token, body: { liaisonName: '周联络', liaisonPartyMember: true }, headers: v(row) }),
      200,
    );
    await expectCompliant(a.id);
  });
});

describe('contribution ratios after a join or leave are resolved by the decision', () => {
  async function withRatios(bps: number[]): Promise<AllianceDetail> {
    const made = await fresh();
    for (const [i, m] of made.members.entries()) await db().update(allianceMembers).set({ contributionBp: bps[i]! }).where(eq(allianceMembers.id, m.id));
    return getA(made.alliance.id);
  }

  it('a join that would make 101 % is shown to the committee and refused with the named rule; resolved ratios go through', async () => {
    let a = await withRatios([6000, 4000, 0]);
    await expectCompliant(a.id);
    const joiner = await makeOrg(T, { kind: '党支部', domain: '国有企业' });
    a = await json<AllianceDetail>(await call('POST', P(a.id, '/adjustments'), { token: lead.token, body: { kind: 'member_join', orgId: joiner.id, contributionBp: 100, reason: '国企出资参与' } }), 201);
    const adj = a.adjustments.find((j) => j.kind === 'member_join')!;
    expect(adj.outstanding.find((p) => p.code === 'members.contribution')!.message).toContain('101.00%');

    const refused = await json<Problem>(await call('POST', P(a.id, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意' }, headers: v(adj) }), 409);
    expect(refused.errors!.map((e) => e.path)).toEqual(['rules.members.contribution']);
    expect((await getA(a.id)).members.some((m) => m.orgId === joiner.id)).toBe(false);

    const outsider = await makeOrg(T, { kind: '党支部', domain: '机关' });
    const stranger = await json<Problem>(
      await call('POST', P(a.id, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意', contributions: [{ orgId: outsider.id, contributionBp: 100 }] }, headers: v(adj) }),
      422,
    );
    expect(stranger.errors![0]!.path).toBe('body.contributions.0.orgId');

    // The lead gives up 1 % to the joiner: 59 % + 40 % + 0 + 1 % = 100 %.
    a = await json<AllianceDetail>(
      await call('POST', P(a.id, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意，牵头单位让出 1%', contributions: [{ orgId: leadOrg.id, contributionBp: 5900 }] }, headers: v(adj) }),
      200,
    );
    expect(a.contributionTotalBp).toBe(10000);
    expect(a.members.filter((m) => m.current).map((m) => m.contributionBp)).toEqual([5900, 4000, 0, 100]);
    expect(a.checks.running.map((p) => p.code)).not.toContain('members.contribution');
  });

  it('a leave that would leave 80 % is refused until the decision redistributes the leaver’s share', async () => {
    let a = await withRatios([5000, 3000, 2000]);
    const leaving = a.members.find((m) => m.contributionBp === 2000)!;
    a = await json<AllianceDetail>(await call('POST', P(a.id, '/adjustments'), { token: lead.token, body: { kind: 'member_leave', memberId: leaving.id, reason: '单位撤并' } }), 201);
    const adj = a.adjustments.find((j) => j.kind === 'member_leave')!;
    expect(adj.outstanding).toEqual([{ code: 'members.contribution', message: '调整后出资比例合计为 80.00%，应为 100%（或都不填）：请在决定中给出调整后的出资比例' }]);
    const refused = await json<Problem>(await call('POST', P(a.id, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意' }, headers: v(adj) }), 409);
    expect(refused.errors!.map((e) => e.path)).toEqual(['rules.members.contribution']);
    const other = a.members.find((m) => m.contributionBp === 3000)!;
    a = await json<AllianceDetail>(
      await call('POST', P(a.id, `/adjustments/${adj.id}/approve`), { token: reviewer.token, body: { note: '同意', contributions: [{ orgId: other.orgId, contributionBp: 5000 }] }, headers: v(adj) }),
      200,
    );
    expect(a.members.filter((m) => m.current).map((m) => m.contributionBp)).toEqual([5000, 5000]);
    await expectCompliant(a.id);
  });
});

describe('the detail never says every condition holds while one is broken', () => {
  it('breaks each rule in turn and the checks (detail and list) name it', async () => {
    const cases: Array<{ name: string; codes: string[]; mentions: string; breakIt: (m: MadeAlliance) => Promise<unknown> }> = [
      { name: 'an empty layer', codes: ['governance.layer'], mentions: '协调层', breakIt: (m) => db().delete(allianceGovernanceSeats).where(and(eq(allianceGovernanceSeats.allianceId, m.alliance.id), eq(allianceGovernanceSeats.layer, '协调层'))) },
      { name: 'a missing agreement', codes: ['documents.agreement'], mentions: '尚未签署共建协议', breakIt: (m) => db().delete(allianceDocuments).where(and(eq(allianceDocuments.allianceId, m.alliance.id), eq(allianceDocuments.signerOrgId, m.members[2]!.orgId))) },
      { name: 'no liaison', codes: ['members.liaison'], mentions: '尚未明确联络员', breakIt: (m) => db().update(allianceMembers).set({ liaisonName: null }).where(eq(allianceMembers.id, m.members[1]!.id)) },
      { name: 'a liaison who is not a party member', codes: ['members.liaisonParty'], mentions: '应由党员担任', breakIt: (m) => db().update(allianceMembers).set({ liaisonPartyMember: false }).where(eq(allianceMembers.id, m.members[1]!.id)) },
      { name: 'ratios off 100 %', codes: ['members.contribution'], mentions: '101.00%', breakIt: async (m) => {
        // 1 % + 100 % = 101 %.
        await db().update(allianceMembers).set({ contributionBp: 100 }).where(eq(allianceMembers.id, m.members[0]!.id));
        await db().update(allianceMembers).set({ contributionBp: 10000 }).where(eq(allianceMembers.id, m.members[1]!.id));
      } },
    ];
    for (const c of cases) {
      const made = await fresh();
      await expectCompliant(made.alliance.id);
      await c.breakIt(made);
      await expectBroken(made.alliance.id, c.codes, c.mentions);
    }
  });
});

describe('an adjustment decision is audited against the adjustment', () => {
  it('names the adjustment as its object and keeps the alliance as context', async () => {
    const made = await fresh();
    const a = await getA(made.alliance.id);
    const adj = a.adjustments.find((j) => j.id === made.adjustmentId)!;
    await json(await call('POST', P(a.id, `/adjustments/${adj.id}/reject`), { token: reviewer.token, body: { note: '暂不调整' }, headers: v(adj) }), 200);
    const rows = await db().select().from(auditLog).where(eq(auditLog.action, 'alliance.adjustment_reject'));
    const row = rows.find((r) => r.entityId === adj.id)!;
    expect(row).toMatchObject({ entityType: 'alliance_adjustment', entityId: adj.id });
    expect(row.after).toMatchObject({ allianceId: a.id, status: 'rejected', note: '暂不调整' });
    expect(rows.some((r) => r.entityId === a.id)).toBe(false);
  });
});
