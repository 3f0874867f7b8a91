import { openDb } from '@ronghe/core';
import { allocations, auditLog, needs, outbox, projects, resources, type AllianceDetail, type Organization, type OpenWorkView } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, snapshotCounts, type TestUser } from '../../../../../../test/support/factories.ts';
import { makeNeed, makeProject, makeResource, type MadeProject } from '../../../../../../test/support/list-factories.ts';
import { bindings } from '../../../../../../test/support/worker.ts';

// Issue 10 §1 "Dissolution settles open work" (seed 000 8.3; ADR 0016): the
// approving committee dissolving an alliance decides what becomes of each open
// project, need and resource — cancel (close) with the dissolution's reason,
// release, or hand over to another running alliance of the county — and the
// decision is refused whole when a choice is missing or a receiver is invalid.
const T = 'keshiketeng';
const OTHER = 'ningcheng';
const db = () => openDb(bindings[findTenant(T)!.binding]!);

let street: Organization;
let reviewer: TestUser;
let county: TestUser;
let receiver: MadeAlliance;
let dissolved: MadeAlliance;
let foreign: MadeAlliance;
let members: Organization[];

async function json<R>(res: Response, status: number): Promise<R> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as R;
}
const v = (x: { version: number }) => ({ 'if-match': `"v${x.version}"` });
type Problem = { code: string; errors: Array<{ path: string; message: string }> };

/** An active alliance with open work: a project in progress holding a need and a resource (2 each), another open need and another resource. */
async function allianceWithWork() {
  const lead = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
  const a = await makeAlliance(T, { lead, committee: street, status: 'active', members });
  const project = await makeProject(T, a, 'in_progress');
  const need = await makeNeed(T, a, { quantity: 5 });
  const resource = await makeResource(T, a, { capacity: 8 });
  const detail = await json<AllianceDetail>(await call('GET', `/api/t/${T}/alliances/${a.alliance.id}`, { token: reviewer.token }), 200);
  return { a, project, need, resource, detail };
}
const dissolve = (d: AllianceDetail, body: Record<string, unknown>) =>
  call('POST', `/api/t/${T}/alliances/${d.id}/dissolve`, { token: reviewer.token, body: { reason: '成员单位撤并，不再联建', ...body }, headers: v(d) });

const needRow = async (id: string) => (await db().select().from(needs).where(eq(needs.id, id)))[0]!;
const resourceRow = async (id: string) => (await db().select().from(resources).where(eq(resources.id, id)))[0]!;
const projectRow = async (id: string) => (await db().select().from(projects).where(eq(projects.id, id)))[0]!;
const allianceOf = async (id: string) => json<AllianceDetail>(await call('GET', `/api/t/${T}/alliances/${id}`, { token: reviewer.token }), 200);
const board = async (allianceId: string) =>
  json<{ counts: Record<string, number>; projects: unknown[]; overdueNeeds: unknown[] }>(await call('GET', `/api/t/${T}/supervision/warnings?allianceId=${allianceId}`, { token: county.token }), 200);

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  members = [await makeOrg(T, { kind: '党支部', domain: '机关' })];
  reviewer = await makeUser([{ tenant: T, role: 'committee_reviewer', scopeOrgId: street.id }], { displayName: '街道审核人' });
  county = await makeUser([{ tenant: T, role: 'county_admin' }]);
  receiver = await makeAlliance(T, { lead: await makeOrg(T, { parent: street, kind: '党委', domain: '社区' }), committee: street, status: 'active', members });
  dissolved = await makeAlliance(T, { lead: await makeOrg(T, { parent: street, kind: '党委', domain: '社区' }), committee: street, status: 'dissolved', members });
  const otherStreet = await makeOrg(OTHER, { kind: '党工委', domain: '街道' });
  foreign = await makeAlliance(OTHER, { lead: await makeOrg(OTHER, { parent: otherStreet, kind: '党委', domain: '社区' }), committee: otherStreet, status: 'active' });
});

describe('dissolution settles open work', () => {
  it('shows the committee the open work and the alliances that can take it over', async () => {
    const w = await allianceWithWork();
    const open = await json<OpenWorkView>(await call('GET', `/api/t/${T}/alliances/${w.a.alliance.id}/open-work`, { token: reviewer.token }), 200);
    expect(open.projects.map((p) => [p.id, p.status])).toEqual([[w.project.project.id, 'in_progress']]);
    expect(open.needs.map((n) => n.id).sort()).toEqual([w.project.need.id, w.need.id].sort());
    // The project's need: 10 asked, 2 in delivery → 8 remain; the other: 5.
    expect(open.needs.find((n) => n.id === w.need.id)!.remaining).toBe(5);
    expect(open.needs.find((n) => n.id === w.project.need.id)!.remaining).toBe(8);
    expect(open.resources.map((r) => r.id).sort()).toEqual([w.project.resource.id, w.resource.id].sort());
    const targets = open.targets.map((t) => t.id);
    expect(targets).toContain(receiver.alliance.id);
    expect(targets).not.toContain(dissolved.alliance.id);
    expect(targets).not.toContain(w.a.alliance.id);
    // Another county's alliance is not found here.
    expect((await call('GET', `/api/t/${T}/alliances/${foreign.alliance.id}/open-work`, { token: county.token })).status).toBe(404);
  });

  it('refuses a dissolution that leaves open work undecided, naming the field, and changes nothing', async () => {
    const w = await allianceWithWork();
    const before = await snapshotCounts(T);
    const none = await json<Problem>(await dissolve(w.detail, {}), 422);
    expect([none.code, none.errors.map((e) => e.path)]).toEqual(['validation_failed', ['body.settlement']]);
    expect(none.errors[0]!.message).toContain('1 个项目、2 项需求、2 项资源');
    // Only the project decided: the needs and resources not handed over with it are listed by name.
    const partial = await json<Problem>(await dissolve(w.detail, { settlement: { items: [{ kind: 'project', id: w.project.project.id, choice: 'cancel' }] } }), 422);
    expect(partial.errors.map((e) => e.path)).toEqual(['body.settlement.items']);
    expect(partial.errors[0]!.message).toContain(`需求“${w.need.title}”`);
    expect(partial.errors[0]!.message).toContain(`资源“${w.resource.title}”`);
    // A choice the kind does not admit.
    const wrong = await json<Problem>(await dissolve(w.detail, { settlement: { default: { choice: 'cancel' }, items: [{ kind: 'project', id: w.project.project.id, choice: 'release' }] } }), 422);
    expect(wrong.errors.map((e) => e.path)).toEqual(['body.settlement.items.0.choice']);
    // An item that is not this alliance's open work.
    const stray = await json<Problem>(await dissolve(w.detail, { settlement: { default: { choice: 'cancel' }, items: [{ kind: 'need', id: w.project.project.id, choice: 'cancel' }] } }), 422);
    expect(stray.errors.map((e) => e.path)).toEqual(['body.settlement.items.0.id']);
    expect(await snapshotCounts(T)).toEqual(before);
    expect((await allianceOf(w.a.alliance.id)).status).toBe('active');
  });

  it('refuses a hand-over to a dissolved alliance, to another county\'s, to itself or to nobody', async () => {
    const w = await allianceWithWork();
    const before = await snapshotCounts(T);
    const to = async (targetAllianceId: string | undefined) =>
      json<Problem>(await dissolve(w.detail, { settlement: { default: { choice: 'hand_over', ...(targetAllianceId ? { targetAllianceId } : {}) } } }), 422);
    const gone = await to(dissolved.alliance.id);
    expect([gone.code, gone.errors.map((e) => e.path)]).toEqual(['validation_failed', ['body.settlement.default.targetAllianceId']]);
    expect(gone.errors[0]!.message).toContain('不在运行中');
    const far = await to(foreign.alliance.id);
    expect(far.errors).toEqual([{ path: 'body.settlement.default.targetAllianceId', message: '接收的党建联合体不存在' }]);
    expect((await to(w.a.alliance.id)).errors.map((e) => e.path)).toEqual(['body.settlement.default.targetAllianceId']);
    expect((await to(undefined)).errors.map((e) => e.path)).toEqual(['body.settlement.default.targetAllianceId']);
    // Per item too.
    const item = await json<Problem>(
      await dissolve(w.detail, { settlement: { default: { choice: 'cancel' }, items: [{ kind: 'need', id: w.need.id, choice: 'hand_over', targetAllianceId: dissolved.alliance.id }] } }),
      422,
    );
    expect(item.errors.map((e) => e.path)).toEqual(['body.settlement.items.0.targetAllianceId']);
    expect(await snapshotCounts(T)).toEqual(before);
  });

  it('cancel for all: the project is cancelled with the reason and releases what it held, needs closed, resources released; the timeline says so; the board is empty', async () => {
    const w = await allianceWithWork();
    const d = await json<AllianceDetail>(await dissolve(w.detail, { settlement: { default: { choice: 'cancel' } } }), 200);
    expect(d.status).toBe('dissolved');

    const p = await projectRow(w.project.project.id);
    expect([p.status, p.cancelReason]).toEqual(['cancelled', '联合体撤销：成员单位撤并，不再联建']);
    const allocs = await db().select().from(allocations).where(eq(allocations.projectId, p.id));
    expect(allocs.map((x) => x.state)).toEqual(['released']);
    // The project's need: its 2 in delivery came back (0 promised), then it was closed.
    const n1 = await needRow(w.project.need.id);
    expect([n1.status, n1.inDeliveryQty, n1.committedQty, n1.closedReason]).toEqual(['closed', 0, 0, '联合体撤销：成员单位撤并，不再联建']);
    expect((await needRow(w.need.id)).status).toBe('closed');
    // The resource held 2 by the project: released (0 allocated) and withdrawn; the other withdrawn.
    const r1 = await resourceRow(w.project.resource.id);
    expect([r1.status, r1.allocatedQty]).toEqual(['withdrawn', 0]);
    expect((await resourceRow(w.resource.id)).status).toBe('withdrawn');
    // The pending claim ended with the project.
    const detail = await json<{ claims: Array<{ id: string; status: string }>; notes: Array<{ body: string }> }>(await call('GET', `/api/t/${T}/projects/${p.id}`, { token: county.token }), 200);
    expect(detail.claims.find((c) => c.id === w.project.pendingClaimId)!.status).toBe('declined');
    expect(detail.notes.at(-1)!.body).toContain('撤销，项目取消');

    // Timeline: the dissolution, then what became of the open work.
    const [dis, settle] = d.timeline.slice(-2);
    expect([dis!.action, dis!.reason]).toEqual(['dissolve', '成员单位撤并，不再联建']);
    expect([settle!.action, settle!.actionLabel]).toEqual(['settle', '未结事项处理']);
    expect(settle!.reason).toContain(`取消项目“${w.project.project.title}”`);
    expect(settle!.reason).toContain(`关闭需求`);
    expect(settle!.reason).toContain(`释放资源`);

    // Audited and evented in the same batch: one row per item.
    const audits = await db().select().from(auditLog).where(inArray(auditLog.entityId, [p.id, w.project.need.id, w.need.id, w.project.resource.id, w.resource.id]));
    expect(audits.filter((x) => x.requestId === audits.find((y) => y.action === 'project.cancel')!.requestId).map((x) => x.action).sort()).toEqual(
      ['need.close', 'need.close', 'project.cancel', 'resource.withdraw', 'resource.withdraw'].sort(),
    );
    const events = await db().select().from(outbox).where(inArray(outbox.aggregateId, [p.id, w.need.id]));
    expect(events.map((e) => e.type).sort()).toEqual(['need.closed', 'project.cancelled']);

    const b = await board(w.a.alliance.id);
    expect([b.counts.red, b.counts.yellow, b.counts.green, b.projects.length]).toEqual([0, 0, 0, 0]);
  });

  it('hand over all: everything goes to the receiving alliance, still in progress; both timelines say so', async () => {
    const w = await allianceWithWork();
    const d = await json<AllianceDetail>(await dissolve(w.detail, { settlement: { default: { choice: 'hand_over', targetAllianceId: receiver.alliance.id } } }), 200);
    const p = await projectRow(w.project.project.id);
    expect([p.status, p.allianceId]).toEqual(['in_progress', receiver.alliance.id]);
    expect((await db().select().from(allocations).where(eq(allocations.projectId, p.id))).map((x) => [x.allianceId, x.state])).toEqual([[receiver.alliance.id, 'in_delivery']]);
    const n1 = await needRow(w.project.need.id);
    // Quantities untouched: 2 still in delivery, now for the receiving alliance.
    expect([n1.allianceId, n1.status, n1.inDeliveryQty]).toEqual([receiver.alliance.id, 'partly_met', 2]);
    expect((await needRow(w.need.id)).allianceId).toBe(receiver.alliance.id);
    const r1 = await resourceRow(w.project.resource.id);
    expect([r1.allianceId, r1.status, r1.allocatedQty]).toEqual([receiver.alliance.id, 'available', 2]);
    expect((await resourceRow(w.resource.id)).allianceId).toBe(receiver.alliance.id);

    expect(d.timeline.at(-1)!.reason).toContain(`移交“${receiver.alliance.name}”：项目“${w.project.project.title}”`);
    const got = (await allianceOf(receiver.alliance.id)).timeline.filter((e) => e.action === 'receive').at(-1)!;
    expect(got.actionLabel).toBe('接收移交');
    expect(got.reason).toContain(`接收“${w.a.alliance.name}”撤销时移交的项目“${w.project.project.title}”`);
    const events = await db().select().from(outbox).where(and(eq(outbox.aggregateId, p.id), eq(outbox.type, 'project.handed_over')));
    expect(events.map((e) => e.data)).toEqual([{ projectId: p.id, fromAllianceId: w.a.alliance.id, toAllianceId: receiver.alliance.id }]);
    const open = await json<OpenWorkView>(await call('GET', `/api/t/${T}/alliances/${w.a.alliance.id}/open-work`, { token: reviewer.token }), 200);
    expect([open.projects.length, open.needs.length, open.resources.length]).toEqual([0, 0, 0]);
  });

  it('per item: a handed-over project takes the need and resource it holds along; the rest follows the default', async () => {
    const w = await allianceWithWork();
    // Closing the need the handed-over project is delivering to would strand the delivery: refused.
    const clash = await json<Problem>(
      await dissolve(w.detail, {
        settlement: {
          default: { choice: 'cancel' },
          items: [
            { kind: 'project', id: w.project.project.id, choice: 'hand_over', targetAllianceId: receiver.alliance.id },
            { kind: 'need', id: w.project.need.id, choice: 'cancel' },
          ],
        },
      }),
      422,
    );
    expect(clash.errors.map((e) => e.path)).toEqual(['body.settlement.items.1.choice']);

    await json<AllianceDetail>(
      await dissolve(w.detail, {
        settlement: {
          default: { choice: 'cancel' },
          items: [
            { kind: 'project', id: w.project.project.id, choice: 'hand_over', targetAllianceId: receiver.alliance.id },
            { kind: 'resource', id: w.resource.id, choice: 'release' },
          ],
        },
      }),
      200,
    );
    expect((await projectRow(w.project.project.id)).allianceId).toBe(receiver.alliance.id);
    expect((await needRow(w.project.need.id)).allianceId).toBe(receiver.alliance.id);
    expect((await resourceRow(w.project.resource.id)).allianceId).toBe(receiver.alliance.id);
    const other = await needRow(w.need.id);
    expect([other.allianceId, other.status]).toEqual([w.a.alliance.id, 'closed']);
    expect((await resourceRow(w.resource.id)).status).toBe('withdrawn');
  });

  it('an alliance without open work dissolves as before, no settlement asked', async () => {
    const lead = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
    const a = await makeAlliance(T, { lead, committee: street, status: 'active', members });
    const d = await json<AllianceDetail>(await dissolve(await allianceOf(a.alliance.id), {}), 200);
    expect([d.status, d.timeline.at(-1)!.action]).toEqual(['dissolved', 'dissolve']);
  });

  it('the board and the to-dos never show a dissolved alliance\'s work, even left open before settlement existed', async () => {
    const lead = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
    const legacy = await makeAlliance(T, { lead, committee: street, status: 'dissolved', members });
    const red: MadeProject = await makeProject(T, legacy, 'in_progress', { warning: 'red', warningReason: '已逾期' });
    await makeNeed(T, legacy, { deadline: '2020-01-01' });
    const b = await board(legacy.alliance.id);
    expect([b.counts.red, b.counts.overdueNeeds, b.projects.length, b.overdueNeeds.length]).toEqual([0, 0, 0, 0]);
    const wb = await json<{ todos: Array<{ kind: string; items: Array<{ id: string }> }> }>(await call('GET', `/api/t/${T}/workbench`, { token: county.token }), 200);
    const ids = wb.todos.flatMap((t) => t.items.map((i) => i.id));
    expect(ids).not.toContain(red.project.id);
  });
});
