import { newId, openDb } from '@ronghe/core';
import { allocations, needs, resources, type Organization, type ProjectDetailView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../../test/support/factories.ts';
import { makeNeed, makeProject } from '../../../../../../test/support/list-factories.ts';
import { bindings } from '../../../../../../test/support/worker.ts';

// Seed 000 6.4 (共建共享): acceptance (验收) fulfils what the project
// delivered; what was promised but not delivered returns to the need, and the
// resource gets it back. Every expectation below is a hand calculation.
const T = 'linxi';
const db = () => openDb(bindings[findTenant(T)!.binding]!);

let a: MadeAlliance;
let admin: TestUser;
let lead: Organization;

async function json<R = ProjectDetailView>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
const v = (p: { version: number }) => ({ 'if-match': `"v${p.version}"` });
const P = (id: string, rest = '') => `/api/t/${T}/projects/${id}${rest}`;
const needOf = async (id: string) => (await db().select().from(needs).where(eq(needs.id, id)))[0]!;
const resourceOf = async (id: string) => (await db().select().from(resources).where(eq(resources.id, id)))[0]!;
const allocationsOf = async (projectId: string) =>
  (await db().select().from(allocations).where(eq(allocations.projectId, projectId)).orderBy(asc(allocations.createdAt), asc(allocations.id))).map((r) => [r.needId, r.state, r.quantity]);
const get = async (id: string) => json(await call('GET', P(id), { token: admin.token }), 200);

beforeAll(async () => {
  const street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  lead = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
  const organ = await makeOrg(T, { kind: '党支部', domain: '机关' });
  a = await makeAlliance(T, { lead, committee: street, status: 'active', members: [organ] });
  admin = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: lead.id }]);
});

describe('acceptance fulfils what was delivered (seed 000 6.4)', () => {
  it('commit 6, deliver 2, accept: the need has 2 fulfilled and 4 open again; the resource gets 4 back', async () => {
    const made = await makeProject(T, a, 'in_progress', {}, { quantity: 6, need: { quantity: 6 }, resource: { capacity: 6 } });
    let p = await get(made.project.id);
    p = await json(await call('POST', P(p.id, '/complete'), { token: admin.token, body: { beneficiaries: 2, deliveredQty: 2, outcomeNote: '送餐 2 人次后服务对象搬离' }, headers: v(p) }), 200);
    expect(p.allocations.map((x) => [x.quantity, x.deliveredQty])).toEqual([[6, 2]]);
    // Reported, not yet accepted: nothing moves.
    expect((await needOf(made.need.id)).inDeliveryQty).toBe(6);

    p = await json(await call('POST', P(p.id, '/accept'), { token: admin.token, body: { note: '验收合格' }, headers: v(p) }), 200);
    const n = await needOf(made.need.id);
    // 6 asked: 2 fulfilled, 0 promised, so 6 − 2 = 4 wait for a match again.
    expect([n.fulfilledQty, n.inDeliveryQty, n.committedQty, n.status]).toEqual([2, 0, 0, 'partly_met']);
    const r = await resourceOf(made.resource.id);
    // 6 offered, 2 used by the delivery: 4 free again.
    expect([r.allocatedQty, r.status]).toEqual([2, 'available']);
    expect(await allocationsOf(p.id)).toEqual([
      [made.need.id, 'fulfilled', 2],
      [made.need.id, 'released', 4],
    ]);
    expect(p.notes.at(-1)!.body).toContain('其余 4人次退回需求清单');
  });

  it('delivered in full: the need is met and the resource stays used (as before)', async () => {
    const made = await makeProject(T, a, 'in_progress', {}, { quantity: 6, need: { quantity: 6 }, resource: { capacity: 6 } });
    let p = await get(made.project.id);
    p = await json(await call('POST', P(p.id, '/complete'), { token: admin.token, body: { beneficiaries: 6, deliveredQty: 6, outcomeNote: '全部完成' }, headers: v(p) }), 200);
    p = await json(await call('POST', P(p.id, '/accept'), { token: admin.token, body: { note: '验收合格' }, headers: v(p) }), 200);
    const n = await needOf(made.need.id);
    expect([n.fulfilledQty, n.inDeliveryQty, n.status]).toEqual([6, 0, 'met']);
    expect((await resourceOf(made.resource.id)).allocatedQty).toBe(6);
    expect(await allocationsOf(p.id)).toEqual([[made.need.id, 'fulfilled', 6]]);
  });

  it('nothing delivered: the whole promise returns to the need and the resource', async () => {
    const made = await makeProject(T, a, 'in_progress', {}, { quantity: 6, need: { quantity: 6 }, resource: { capacity: 6 } });
    let p = await get(made.project.id);
    p = await json(await call('POST', P(p.id, '/complete'), { token: admin.token, body: { beneficiaries: 0, deliveredQty: 0, outcomeNote: '服务对象全部搬离' }, headers: v(p) }), 200);
    p = await json(await call('POST', P(p.id, '/accept'), { token: admin.token, body: { note: '如实验收' }, headers: v(p) }), 200);
    const n = await needOf(made.need.id);
    expect([n.fulfilledQty, n.inDeliveryQty, n.status]).toEqual([0, 0, 'open']);
    expect((await resourceOf(made.resource.id)).allocatedQty).toBe(0);
    expect(await allocationsOf(p.id)).toEqual([[made.need.id, 'released', 6]]);
  });

  it('a project serving two needs reports per need; acceptance fulfils each its own share', async () => {
    const made = await makeProject(T, a, 'in_progress', {}, { quantity: 3, need: { quantity: 3 }, resource: { capacity: 3 } });
    // A second need (5 人次) taken on directly, in delivery with the first.
    const second = await makeNeed(T, a, { quantity: 5, inDeliveryQty: 5, status: 'partly_met' });
    const now = Date.now();
    const secondAlloc = newId('alc', now + 1);
    await db().insert(allocations).values({ id: secondAlloc, allianceId: a.alliance.id, projectId: made.project.id, needId: second.id, resourceId: null, quantity: 5, state: 'in_delivery', createdBy: 'usr_factory', createdAt: now + 1, updatedAt: now + 1 });
    let p = await get(made.project.id);

    // 4 of 8 promised, not said for which need: refused, naming the field.
    const vague = await call('POST', P(p.id, '/complete'), { token: admin.token, body: { beneficiaries: 4, deliveredQty: 4, outcomeNote: '部分完成' }, headers: v(p) });
    const vp = await json<{ code: string; errors: Array<{ path: string }> }>(vague, 422);
    expect([vp.code, vp.errors.map((e) => e.path)]).toEqual(['validation_failed', ['body.allocations']]);
    // More than one allocation promised, and a total that does not add up.
    const over = await call('POST', P(p.id, '/complete'), {
      token: admin.token,
      body: { beneficiaries: 4, deliveredQty: 4, outcomeNote: '部分完成', allocations: [{ id: made.allocationId, deliveredQty: 4 }, { id: secondAlloc, deliveredQty: 0 }] },
      headers: v(p),
    });
    expect((await json<{ errors: Array<{ path: string }> }>(over, 422)).errors.map((e) => e.path)).toEqual(['body.allocations.0.deliveredQty']);
    const sum = await call('POST', P(p.id, '/complete'), {
      token: admin.token,
      body: { beneficiaries: 4, deliveredQty: 5, outcomeNote: '部分完成', allocations: [{ id: made.allocationId, deliveredQty: 3 }, { id: secondAlloc, deliveredQty: 1 }] },
      headers: v(p),
    });
    expect((await json<{ errors: Array<{ path: string }> }>(sum, 422)).errors.map((e) => e.path)).toEqual(['body.deliveredQty']);

    p = await json(await call('POST', P(p.id, '/complete'), {
      token: admin.token,
      body: { beneficiaries: 4, deliveredQty: 4, outcomeNote: '部分完成', allocations: [{ id: made.allocationId, deliveredQty: 3 }, { id: secondAlloc, deliveredQty: 1 }] },
      headers: v(p),
    }), 200);
    p = await json(await call('POST', P(p.id, '/accept'), { token: admin.token, body: { note: '验收合格' }, headers: v(p) }), 200);
    const first = await needOf(made.need.id);
    expect([first.fulfilledQty, first.status]).toEqual([3, 'met']);
    const other = await needOf(second.id);
    // 5 promised, 1 delivered: 4 open again.
    expect([other.fulfilledQty, other.inDeliveryQty, other.status]).toEqual([1, 0, 'partly_met']);
  });

  it('a returned report is void: the next report is what acceptance fulfils', async () => {
    const made = await makeProject(T, a, 'in_progress', {}, { quantity: 6, need: { quantity: 6 }, resource: { capacity: 6 } });
    let p = await get(made.project.id);
    p = await json(await call('POST', P(p.id, '/complete'), { token: admin.token, body: { beneficiaries: 2, deliveredQty: 2, outcomeNote: '先报 2' }, headers: v(p) }), 200);
    p = await json(await call('POST', P(p.id, '/return'), { token: admin.token, body: { reason: '请继续实施' }, headers: v(p) }), 200);
    expect(p.allocations[0]!.deliveredQty).toBeNull();
    p = await json(await call('POST', P(p.id, '/complete'), { token: admin.token, body: { beneficiaries: 5, deliveredQty: 5, outcomeNote: '再报 5' }, headers: v(p) }), 200);
    p = await json(await call('POST', P(p.id, '/accept'), { token: admin.token, body: { note: '验收合格' }, headers: v(p) }), 200);
    const n = await needOf(made.need.id);
    expect([n.fulfilledQty, n.status]).toEqual([5, 'partly_met']);
    expect((await resourceOf(made.resource.id)).allocatedQty).toBe(5);
  });
});
