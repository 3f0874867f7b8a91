import { openDb } from '@ronghe/core';
import { needs, resources, type Organization, type ProjectDetailView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts, type TestUser } from '../../../../../../test/support/factories.ts';
import { makeNeed, makeProject } from '../../../../../../test/support/list-factories.ts';
import { bindings } from '../../../../../../test/support/worker.ts';

// A project's life through the API, as the people of an alliance live it:
// the lead creates it from residents' needs, members claim it, the alliance
// confirms, a claimant carries it out milestone by milestone, reports it
// complete, the alliance accepts it and the needs show as met — with every
// refusal saying why and changing nothing.
const T = 'balinyou';
const db = () => openDb(bindings[findTenant(T)!.binding]!);

let street: Organization;
let lead: Organization;
let organ: Organization;
let firm: Organization;
let outsider: Organization;
let a: MadeAlliance;
let admin: TestUser;
let organLiaison: TestUser;
let firmLiaison: TestUser;
let outsiderLiaison: TestUser;
let reviewer: TestUser;
let member: TestUser;

async function json<R = ProjectDetailView>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
const v = (p: { version: number }) => ({ 'if-match': `"v${p.version}"` });
const P = (p: { id: string }, rest = '') => `/api/t/${T}/projects/${p.id}${rest}`;
const needOf = async (id: string) => (await db().select().from(needs).where(eq(needs.id, id)))[0]!;
const resourceOf = async (id: string) => (await db().select().from(resources).where(eq(resources.id, id)))[0]!;

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: street, kind: '党委', domain: '社区', name: `大板社区党委${Date.now()}` });
  organ = await makeOrg(T, { kind: '党支部', domain: '机关', name: `旗住建局党支部${Date.now()}` });
  firm = await makeOrg(T, { kind: '党支部', domain: '非公有制企业', name: `草原物业党支部${Date.now()}` });
  outsider = await makeOrg(T, { kind: '党支部', domain: '学校' });
  a = await makeAlliance(T, { lead, committee: street, status: 'active', members: [organ, firm] });
  admin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }], { displayName: '社区书记' });
  organLiaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: organ.id }], { displayName: '住建局联络员' });
  firmLiaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: firm.id }]);
  outsiderLiaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: outsider.id }]);
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }], { displayName: '街道审核人' });
  member = await makeUser([{ tenant: T, role: 'member' }]);
});

async function createProject(needId: string, quantity: number, extra: Record<string, unknown> = {}) {
  return json(
    await call('POST', `/api/t/${T}/projects`, {
      token: admin.token,
      body: {
        allianceId: a.alliance.id,
        title: '独居老人助餐服务',
        ownerOrgId: organ.id,
        ownerName: '张局长',
        funding: [
          { source: '上级拨', amountFen: 1_000_000 },
          { source: '党费补', amountFen: 234_567 },
        ],
        dueOn: '2099-12-31',
        milestones: [
          { title: '摸排服务对象', weight: 40, dueOn: '2099-03-01' },
          { title: '开展助餐服务', weight: 60 },
        ],
        needs: [{ needId, quantity }],
        ...extra,
      },
    }),
    201,
  );
}

describe('project lifecycle', () => {
  it('creates a project from needs: budget is the sum of funding, the need quantity is committed', async () => {
    const need = await makeNeed(T, a, { quantity: 5 });
    const p = await createProject(need.id, 3);
    expect(p.status).toBe('proposed');
    expect(p.budgetFen).toBe(1_234_567);
    expect(p.progressBp).toBe(0);
    expect(p.milestones.map((m) => [m.title, m.weight])).toEqual([
      ['摸排服务对象', 40],
      ['开展助餐服务', 60],
    ]);
    expect(p.allocations).toMatchObject([{ needId: need.id, quantity: 3, state: 'committed', resourceId: null }]);
    expect(p.notes.map((n) => n.kind)).toEqual(['event']);
    const n = await needOf(need.id);
    expect([n.committedQty, n.status]).toEqual([3, 'partly_met']);

    // More than what remains: refused, field by field, and nothing changes.
    const before = await snapshotCounts(T);
    const res = await call('POST', `/api/t/${T}/projects`, {
      token: admin.token,
      body: { allianceId: a.alliance.id, title: '超额项目', dueOn: '2099-12-31', ownerOrgId: outsider.id, needs: [{ needId: need.id, quantity: 3 }] },
    });
    const prob = await json<{ errors: Array<{ path: string; message: string }> }>(res, 422);
    expect(prob.errors.map((e) => e.path).sort()).toEqual(['body.needs.0.quantity', 'body.ownerOrgId']);
    expect(prob.errors.find((e) => e.path === 'body.needs.0.quantity')!.message).toContain('剩余 2');
    expect(await snapshotCounts(T)).toEqual(before);
    // Only the alliance (or the county) creates projects.
    expect((await call('POST', `/api/t/${T}/projects`, { token: organLiaison.token, body: { allianceId: a.alliance.id, title: '成员自建', dueOn: '2099-12-31' } })).status).toBe(403);
  });

  it('claims: only members for themselves, one live claim each, confirmed by the alliance, several organizations share', async () => {
    const need = await makeNeed(T, a, { quantity: 4 });
    let p = await createProject(need.id, 4);
    // The lead's secretary may claim for the lead organization itself (it is a member too).
    expect(p.claimableOrgs).toEqual([{ id: lead.id, name: lead.name }]);

    // Not a member of the alliance.
    const before = await snapshotCounts(T);
    const foreign = await call('POST', P(p, '/claims'), { token: outsiderLiaison.token, body: { orgId: outsider.id, note: '愿意承担' } });
    expect(foreign.status).toBe(403);
    // For another organization.
    expect((await call('POST', P(p, '/claims'), { token: firmLiaison.token, body: { orgId: organ.id, note: '代为认领' } })).status).toBe(403);
    expect(await snapshotCounts(T)).toEqual(before);

    p = await json(await call('POST', P(p, '/claims'), { token: organLiaison.token, body: { orgId: organ.id, note: '负责组织实施' } }), 201);
    expect(p.claims).toMatchObject([{ orgId: organ.id, status: 'pending', note: '负责组织实施' }]);
    const dup = await call('POST', P(p, '/claims'), { token: organLiaison.token, body: { orgId: organ.id, note: '再次认领' } });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { detail: string }).detail).toContain('不能重复认领');
    p = await json(await call('POST', P(p, '/claims'), { token: firmLiaison.token, body: { orgId: firm.id, note: '提供送餐车辆' } }), 201);

    // The alliance decides: confirming the first claim makes the project claimed.
    const organClaim = p.claims.find((c) => c.orgId === organ.id)!;
    const firmClaim = p.claims.find((c) => c.orgId === firm.id)!;
    expect((await call('POST', P(p, `/claims/${organClaim.id}/decide`), { token: organLiaison.token, body: { decision: 'confirm' }, headers: v(p) })).status).toBe(403);
    p = await json(await call('POST', P(p, `/claims/${organClaim.id}/decide`), { token: admin.token, body: { decision: 'confirm', note: '同意' }, headers: v(p) }), 200);
    expect(p.status).toBe('claimed');
    expect(p.claimOrgNames).toEqual([organ.name]);
    // Declining needs a reason.
    const noReason = await call('POST', P(p, `/claims/${firmClaim.id}/decide`), { token: admin.token, body: { decision: 'decline' }, headers: v(p) });
    expect(((await json<{ errors: Array<{ path: string }> }>(noReason, 422)).errors)[0]!.path).toBe('body.note');
    p = await json(await call('POST', P(p, `/claims/${firmClaim.id}/decide`), { token: admin.token, body: { decision: 'decline', note: '车辆已由住建局解决' }, headers: v(p) }), 200);
    expect(p.claims.find((c) => c.id === firmClaim.id)).toMatchObject({ status: 'declined', decisionNote: '车辆已由住建局解决' });
    // A decided claim is not decided again.
    expect((await call('POST', P(p, `/claims/${firmClaim.id}/decide`), { token: admin.token, body: { decision: 'confirm' }, headers: v(p) })).status).toBe(409);

    // The firm offers again; confirmed, the two share the project.
    p = await json(await call('POST', P(p, '/claims'), { token: firmLiaison.token, body: { orgId: firm.id, note: '负责每周两次送餐' } }), 201);
    const again = p.claims.find((c) => c.orgId === firm.id && c.status === 'pending')!;
    p = await json(await call('POST', P(p, `/claims/${again.id}/decide`), { token: admin.token, body: { decision: 'confirm' }, headers: v(p) }), 200);
    expect(p.status).toBe('claimed');
    expect([...p.claimOrgNames].sort()).toEqual([organ.name, firm.name].sort());
    const listed = await json<{ items: Array<{ id: string }> }>(await call('GET', `/api/t/${T}/projects?claimOrgId=${firm.id}`, { token: member.token }), 200);
    expect(listed.items.map((x) => x.id)).toContain(p.id);

    // A confirmed claimant may withdraw before work starts; the other one keeps the project claimed.
    p = await json(await call('POST', P(p, `/claims/${again.id}/withdraw`), { token: firmLiaison.token, headers: v(p) }), 200);
    expect(p.status).toBe('claimed');
    expect(p.claimOrgNames).toEqual([organ.name]);
  });

  it('carries it out: start, milestone progress rolls up, complete only at 100 %, return, accept fulfils the needs', async () => {
    const need = await makeNeed(T, a, { quantity: 3 });
    let p = await createProject(need.id, 3);
    p = await json(await call('POST', P(p, '/claims'), { token: organLiaison.token, body: { orgId: organ.id, note: '负责组织实施' } }), 201);
    p = await json(await call('POST', P(p, `/claims/${p.claims[0]!.id}/decide`), { token: admin.token, body: { decision: 'confirm' }, headers: v(p) }), 200);

    // A member who did not claim cannot start it; the claimant can.
    expect((await call('POST', P(p, '/start'), { token: firmLiaison.token, body: {}, headers: v(p) })).status).toBe(403);
    p = await json(await call('POST', P(p, '/start'), { token: organLiaison.token, body: {}, headers: v(p) }), 200);
    expect(p.status).toBe('in_progress');
    expect(p.allocations[0]!.state).toBe('in_delivery');
    expect((await needOf(need.id)).inDeliveryQty).toBe(3);

    const [m1, m2] = p.milestones;
    p = await json(await call('PATCH', P(p, `/milestones/${m1!.id}`), { token: organLiaison.token, body: { progressPct: 100, note: '摸排 12 户' }, headers: v(p) }), 200);
    expect(p.progressBp).toBe(4000);
    expect(p.milestones[0]!.doneOn).not.toBeNull();
    p = await json(await call('PATCH', P(p, `/milestones/${m2!.id}`), { token: organLiaison.token, body: { progressPct: 50 }, headers: v(p) }), 200);
    expect(p.progressBp).toBe(7000);

    // Below 100 %: refused with what is missing, and nothing changes.
    const before = await snapshotCounts(T);
    const early = await call('POST', P(p, '/complete'), { token: organLiaison.token, body: { beneficiaries: 12, deliveredQty: 3, outcomeNote: '已完成' }, headers: v(p) });
    const prob = await json<{ errors: Array<{ path: string; message: string }> }>(early, 409);
    expect(prob.errors).toEqual([{ path: 'rules.progress', message: expect.stringContaining('“开展助餐服务”（50%）') }]);
    expect(await snapshotCounts(T)).toEqual(before);

    p = await json(await call('PATCH', P(p, `/milestones/${m2!.id}`), { token: organLiaison.token, body: { progressPct: 100 }, headers: v(p) }), 200);
    expect(p.progressBp).toBe(10_000);
    p = await json(await call('POST', P(p, '/complete'), { token: organLiaison.token, body: { beneficiaries: 12, deliveredQty: 3, outcomeNote: '为 12 户老人送餐' }, headers: v(p) }), 200);
    expect([p.status, p.beneficiaries, p.warning]).toEqual(['completed', 12, 'none']);

    // Only the alliance accepts or returns it.
    expect((await call('POST', P(p, '/accept'), { token: organLiaison.token, body: { note: '自己验收' }, headers: v(p) })).status).toBe(403);
    p = await json(await call('POST', P(p, '/return'), { token: admin.token, body: { reason: '台账缺少签字，请补充' }, headers: v(p) }), 200);
    expect(p.status).toBe('in_progress');
    expect(p.completedOn).toBeNull();
    expect(p.notes.at(-1)!.body).toContain('台账缺少签字');
    p = await json(await call('POST', P(p, '/complete'), { token: organLiaison.token, body: { beneficiaries: 12, deliveredQty: 3, outcomeNote: '补充签字后再报' }, headers: v(p) }), 200);
    p = await json(await call('POST', P(p, '/accept'), { token: admin.token, body: { note: '验收合格' }, headers: v(p) }), 200);
    expect([p.status, p.acceptanceNote]).toEqual(['accepted', '验收合格']);
    expect(p.allocations[0]!.state).toBe('fulfilled');
    const n = await needOf(need.id);
    expect([n.status, n.fulfilledQty, n.inDeliveryQty, n.committedQty]).toEqual(['met', 3, 0, 0]);
    // Accepted is final.
    expect((await call('POST', P(p, '/cancel'), { token: admin.token, body: { reason: '误操作' }, headers: v(p) })).status).toBe(409);
    expect((await call('PATCH', P(p), { token: admin.token, body: { ownerName: '某' }, headers: v(p) })).status).toBe(409);
  });

  it('cancel releases the quantities: the need and the resource get them back', async () => {
    const made = await makeProject(T, a, 'claimed');
    expect((await needOf(made.need.id)).committedQty).toBe(2);
    expect((await resourceOf(made.resource.id)).allocatedQty).toBe(2);
    const p = await json(await call('POST', P(made.project, '/cancel'), { token: admin.token, body: { reason: '需求方已另行解决' }, headers: v(made.project) }), 200);
    expect([p.status, p.cancelReason, p.allocations[0]!.state]).toEqual(['cancelled', '需求方已另行解决', 'released']);
    const n = await needOf(made.need.id);
    expect([n.committedQty, n.status]).toEqual([0, 'open']);
    const r = await resourceOf(made.resource.id);
    expect([r.allocatedQty, r.status]).toEqual([0, 'available']);
    // The pending claim of the second member ended with the project.
    expect(p.claims.find((c) => c.id === made.pendingClaimId)!.status).toBe('declined');
  });

  it('concurrent decisions with the same If-Match: one succeeds, the other gets 412, quantities move once', async () => {
    const made = await makeProject(T, a, 'proposed');
    const decide = () => call('POST', P(made.project, `/claims/${made.pendingClaimId}/decide`), { token: admin.token, body: { decision: 'confirm' }, headers: v(made.project) });
    const statuses = (await Promise.all([decide(), decide()])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412]);

    const done = await makeProject(T, a, 'completed');
    const accept = () => call('POST', P(done.project, '/accept'), { token: admin.token, body: { note: '验收合格' }, headers: v(done.project) });
    const results = await Promise.all([accept(), accept()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const n = await needOf(done.need.id);
    expect([n.fulfilledQty, n.inDeliveryQty]).toEqual([2, 0]);
  });

  it('the supervision thread: the committee supervises, the claimant replies, others cannot', async () => {
    const made = await makeProject(T, a, 'in_progress');
    let p = await json(await call('POST', P(made.project, '/notes'), { token: reviewer.token, body: { kind: 'supervise', body: '请于月底前报送服务台账' } }), 201);
    const sup = p.notes.at(-1)!;
    expect(sup).toMatchObject({ kind: 'supervise', authorName: '街道审核人', authorOrgName: street.name });
    // The lead organization (members[0]) holds the confirmed claim of a factory project; its liaison replies.
    const leadLiaison = await makeUser([{ tenant: T, role: 'org_liaison', scopeOrgId: lead.id }], { displayName: '社区联络员' });
    p = await json(await call('POST', P(made.project, '/notes'), { token: leadLiaison.token, body: { kind: 'reply', body: '台账已整理，月底前报送', replyToId: sup.id } }), 201);
    expect(p.notes.at(-1)).toMatchObject({ kind: 'reply', replyToId: sup.id, authorOrgName: lead.name });
    // A liaison may not supervise; a member who has not claimed may not reply; a plain member cannot post at all.
    expect((await call('POST', P(made.project, '/notes'), { token: leadLiaison.token, body: { kind: 'supervise', body: '自己督办自己' } })).status).toBe(403);
    expect((await call('POST', P(made.project, '/notes'), { token: firmLiaison.token, body: { kind: 'reply', body: '我们也回复' } })).status).toBe(403);
    expect((await call('POST', P(made.project, '/notes'), { token: member.token, body: { kind: 'reply', body: '路过' } })).status).toBe(403);
    const detail = await json(await call('GET', P(made.project), { token: leadLiaison.token }), 200);
    expect(detail.can).toMatchObject({ reply: true, supervise: false, progress: true, complete: true, accept: false });
  });
});
