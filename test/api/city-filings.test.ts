import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { refreshCityFilings } from '@ronghe/alliance';
import { openDb } from '@ronghe/core';
import type { EventEnvelope } from '@ronghe/events';
import type { CityFilingView, FilingView, Organization } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEdgeApp } from '../../workers/edge/src/index.ts';
import { EVENTS_QUEUE, handleQueue } from '../../workers/edge/src/events.ts';
import { reconcileCityFilings } from '../../workers/edge/src/scheduled.ts';
import { makeAlliance, type MadeAlliance } from '../support/alliance-factories.ts';
import { makeOrg, makeUser, type TestUser } from '../support/factories.ts';
import { bindings } from '../support/worker.ts';

// Issue 13 §The city's own work, ADR 0024: the city's filings inbox is a copy in the control database fed by the
// filing events; the city signs on each county's own record; the county sees who signed and when.
const A = 'aohan';
const B = 'wengniute';
const app = createEdgeApp();
const countyDb = (t: string) => bindings[findTenant(t)!.binding]!;
const control = () => bindings.DB_CONTROL!;

/** The events queue as the request's relay sees it. */
const sent: EventEnvelope[] = [];
const queue = {
  async send(body: EventEnvelope) {
    sent.push(body);
  },
  async sendBatch(msgs: Iterable<{ body: EventEnvelope }>) {
    for (const m of msgs) sent.push(m.body);
  },
} as unknown as Queue;
const workerEnv = () => ({ ...(env as unknown as Record<string, unknown>), EVENTS: queue });

async function request(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://x${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }),
    workerEnv(),
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

async function deliver(events: EventEnvelope[]) {
  const batch = createMessageBatch<EventEnvelope>(EVENTS_QUEUE, events.map((body, i) => ({ id: `msg-${i}-${body.id}-${Math.random()}`, timestamp: new Date(), attempts: 1, body })));
  await handleQueue(batch, workerEnv());
  const result = await getQueueResult(batch, createExecutionContext());
  expect(result.retryMessages).toEqual([]);
}

async function json<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

async function problem(res: Response, status: number, code: string) {
  const body = await json<{ code: string; errors?: Array<{ path: string; message: string }> }>(res, status);
  expect(body.code).toBe(code);
  return body;
}

type CityPage = { items: CityFilingView[]; total: number; unread: number; nextCursor: string | null };

/** The city's inbox entries about these alliances (other files file in these counties meanwhile). */
async function inboxOf(tenant: string, allianceIds: string[], state?: string): Promise<CityFilingView[]> {
  const page = await json<CityPage>(await request('GET', `/api/city/filings?tenant=${tenant}&limit=100${state ? `&state=${state}` : ''}`, city.token), 200);
  return page.items.filter((f) => allianceIds.includes(f.allianceId));
}

/** The county's own filing of an alliance, as the county reads it (the factory files one for every alliance it makes). */
async function countyFiling(tenant: string, admin: TestUser, allianceId: string, skip?: string): Promise<FilingView> {
  const page = await json<{ items: FilingView[] }>(await request('GET', `/api/t/${tenant}/filings?allianceId=${allianceId}`, admin.token), 200);
  const items = page.items.filter((f) => f.id !== skip);
  expect(items).toHaveLength(1);
  return items[0]!;
}

let city: TestUser;
let adminA: TestUser;
let adminB: TestUser;
let memberA: TestUser;
let street: Organization;

async function alliances(tenant: string, n: number, committee?: Organization): Promise<MadeAlliance[]> {
  const out: MadeAlliance[] = [];
  for (let i = 0; i < n; i++) {
    const c = committee ?? (await makeOrg(tenant, { kind: '党工委', domain: '街道' }));
    out.push(await makeAlliance(tenant, { lead: await makeOrg(tenant, { parent: c, kind: '党委', domain: '社区' }), committee: c, status: 'active' }));
  }
  return out;
}

beforeAll(async () => {
  city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }], { displayName: '市委组织部备案员' });
  adminA = await makeUser([{ tenant: A, role: 'county_admin' }]);
  adminB = await makeUser([{ tenant: B, role: 'county_admin' }]);
  memberA = await makeUser([{ tenant: A, role: 'member' }]);
  street = await makeOrg(A, { kind: '党工委', domain: '街道', name: '新惠街道党工委' });
});

describe("the city's inbox follows the counties' filings through events", () => {
  it('a committee approves: filing.created reaches the inbox, which then equals the county’s own filing; redelivery changes nothing', async () => {
    const reviewer = await makeUser([{ tenant: A, role: 'committee_reviewer', scopeOrgId: street.id }]);
    const a = await makeAlliance(A, { lead: await makeOrg(A, { parent: street, kind: '党委', domain: '社区' }), committee: street, status: 'applied' });
    sent.length = 0;
    await json(await request('POST', `/api/t/${A}/alliances/${a.alliance.id}/approve`, reviewer.token, { replyText: '经研究，同意组建该党建联合体。' }, { 'if-match': `"v${a.alliance.version}"` }), 200);
    const created = sent.filter((e) => e.type === 'filing.created');
    expect(created.map((e) => ({ tenant: e.tenant, kind: e.data.kind, allianceId: e.data.allianceId }))).toEqual([{ tenant: A, kind: 'approval', allianceId: a.alliance.id }]);

    // Before delivery the city has not heard of it (the inbox is the copy, not a live read of 12 counties).
    expect(await inboxOf(A, [a.alliance.id])).toEqual([]);
    await deliver([...sent]);
    const own = await countyFiling(A, adminA, a.alliance.id, a.filingId);
    const [copy] = await inboxOf(A, [a.alliance.id]);
    expect(copy).toEqual({
      tenant: A,
      tenantName: '敖汉旗',
      id: own.id,
      kind: 'approval',
      kindLabel: '组建批复备案',
      allianceId: a.alliance.id,
      allianceName: a.alliance.name,
      committeeName: street.name,
      title: `${street.name}批准组建“${a.alliance.name}”`,
      summary: own.summary,
      filedOn: own.filedOn,
      filedAt: own.filedAt,
      countyState: 'unread',
      cityState: 'unread',
      cityAckAt: null,
      cityAckBy: null,
    });
    // Who filed (a person's account name) stays in the county.
    expect(JSON.stringify(copy)).not.toContain(own.filedByName);

    await deliver(created);
    expect(await inboxOf(A, [a.alliance.id])).toHaveLength(1);

    // The county signs on its side: the event brings the copy along.
    sent.length = 0;
    await json(await request('POST', `/api/t/${A}/filings/${own.id}/acknowledge`, adminA.token), 200);
    await deliver(sent.filter((e) => e.type === 'filing.acknowledged'));
    expect((await inboxOf(A, [a.alliance.id]))[0]).toMatchObject({ countyState: 'acknowledged', cityState: 'unread' });
  });
});

describe('the city signs, on the county’s own record', () => {
  it('one, then many across two counties: each county sees who signed and when; only the changed ones are counted and audited', async () => {
    const [a1, a2] = await alliances(A, 2);
    const [b1] = await alliances(B, 1);
    const ids = [a1!, a2!].map((m) => m.alliance.id);

    const one = await json<{ acknowledged: number; items: CityFilingView[]; failedCounties: unknown[] }>(
      await request('POST', '/api/city/filings/acknowledge', city.token, { items: [{ tenant: A, id: a1!.filingId }] }),
      200,
    );
    expect(one.acknowledged).toBe(1);
    expect(one.failedCounties).toEqual([]);
    const seen = await countyFiling(A, adminA, a1!.alliance.id);
    expect(seen).toMatchObject({ cityState: 'acknowledged', cityAckBy: '市委组织部备案员', countyState: 'unread' });
    expect(typeof seen.cityAckAt).toBe('number');
    expect(seen.version).toBe(2);
    expect((await countyFiling(A, adminA, a2!.alliance.id)).cityState).toBe('unread');

    const many = await json<{ acknowledged: number; items: CityFilingView[] }>(
      await request('POST', '/api/city/filings/acknowledge', city.token, {
        items: [{ tenant: A, id: a1!.filingId }, { tenant: A, id: a2!.filingId }, { tenant: B, id: b1!.filingId }],
      }),
      200,
    );
    expect(many.acknowledged).toBe(2);
    expect(many.items.map((f) => `${f.tenantName} ${f.cityState} ${f.cityAckBy}`).sort()).toEqual(
      ['敖汉旗 acknowledged 市委组织部备案员', '敖汉旗 acknowledged 市委组织部备案员', '翁牛特旗 acknowledged 市委组织部备案员'].sort(),
    );
    expect((await countyFiling(B, adminB, b1!.alliance.id)).cityAckBy).toBe('市委组织部备案员');
    // The first one keeps its first signature time.
    expect((await countyFiling(A, adminA, a1!.alliance.id)).cityAckAt).toBe(seen.cityAckAt);

    // Audited in each county (with its event) and in control, once per filing signed.
    const countyAudit = async (t: string, id: string) =>
      (await countyDb(t).prepare("SELECT actor_id, actor_role FROM audit_log WHERE action = 'filing.city_acknowledge' AND entity_id = ?").bind(id).all<{ actor_id: string; actor_role: string }>()).results;
    expect(await countyAudit(A, a1!.filingId)).toEqual([{ actor_id: city.id, actor_role: 'city_admin' }]);
    expect(await countyAudit(B, b1!.filingId)).toEqual([{ actor_id: city.id, actor_role: 'city_admin' }]);
    const events = (await countyDb(A).prepare("SELECT count(*) AS n FROM outbox WHERE type = 'filing.city_acknowledged' AND aggregate_id IN (?, ?)").bind(a1!.filingId, a2!.filingId).first<{ n: number }>())!.n;
    expect(events).toBe(2);
    const trail = (await control().prepare("SELECT entity_id FROM audit_log WHERE action = 'city_filing.acknowledge' AND actor_id = ? ORDER BY entity_id").bind(city.id).all<{ entity_id: string }>()).results;
    expect(trail.map((r) => r.entity_id)).toEqual([a1!.filingId, a2!.filingId, b1!.filingId].sort());

    // The inbox shows them signed at once (written by the request, not waiting for the events).
    expect((await inboxOf(A, ids, 'acknowledged')).map((f) => f.id).sort()).toEqual([a1!.filingId, a2!.filingId].sort());
    expect(await inboxOf(A, ids, 'unread')).toEqual([]);
  });

  it('one unknown filing fails the whole request (404) and signs nothing; an unknown county is named (422)', async () => {
    const [a] = await alliances(A, 1);
    await problem(await request('POST', '/api/city/filings/acknowledge', city.token, { items: [{ tenant: A, id: a!.filingId }, { tenant: A, id: 'fil_nowhere' }] }), 404, 'not_found');
    // A filing of county A named as county B's is unknown there.
    await problem(await request('POST', '/api/city/filings/acknowledge', city.token, { items: [{ tenant: B, id: a!.filingId }] }), 404, 'not_found');
    expect((await countyFiling(A, adminA, a!.alliance.id)).cityState).toBe('unread');
    const bad = await problem(await request('POST', '/api/city/filings/acknowledge', city.token, { items: [{ tenant: 'beijing', id: a!.filingId }] }), 422, 'validation_failed');
    expect(bad.errors).toEqual([{ path: 'body.items.0.tenant', message: '旗县区不存在' }]);
    await problem(await request('GET', '/api/city/filings?tenant=beijing', city.token), 422, 'validation_failed');
  });

  it('county roles cannot reach the city inbox (403), nor sign on the city’s behalf', async () => {
    const [a] = await alliances(A, 1);
    for (const u of [adminA, memberA]) {
      await problem(await request('GET', '/api/city/filings', u.token), 403, 'forbidden');
      await problem(await request('POST', '/api/city/filings/acknowledge', u.token, { items: [{ tenant: A, id: a!.filingId }] }), 403, 'forbidden');
    }
    expect((await countyFiling(A, adminA, a!.alliance.id)).cityState).toBe('unread');
  });

  it('the copy heals from the county’s event when the control write was lost', async () => {
    const [a] = await alliances(A, 1);
    sent.length = 0;
    await json(await request('POST', '/api/city/filings/acknowledge', city.token, { items: [{ tenant: A, id: a!.filingId }] }), 200);
    // The request relayed the county's event (the city route names the counties it wrote to).
    const signed = sent.filter((e) => e.type === 'filing.city_acknowledged' && e.aggregate.id === a!.filingId);
    expect(signed.map((e) => ({ tenant: e.tenant, from: e.data.from, to: e.data.to }))).toEqual([{ tenant: A, from: 'unread', to: 'acknowledged' }]);
    // As if the control batch had failed after the county's: the copy is gone.
    await control().prepare('DELETE FROM city_filings WHERE tenant = ? AND id = ?').bind(A, a!.filingId).run();
    expect(await inboxOf(A, [a!.alliance.id])).toEqual([]);
    await deliver(signed);
    expect(await inboxOf(A, [a!.alliance.id])).toMatchObject([{ id: a!.filingId, cityState: 'acknowledged', cityAckBy: '市委组织部备案员' }]);
  });

  it('the daily reconciliation copies again what the inbox missed, and only that county is read for it', async () => {
    const [a] = await alliances(A, 1);
    // As if every event of this filing had been lost on the way to the control database.
    await control().prepare('DELETE FROM city_filings WHERE tenant = ? AND id = ?').bind(A, a!.filingId).run();
    expect(await inboxOf(A, [a!.alliance.id])).toEqual([]);
    // The Cron enqueues one message for the county; the queue handler copies it.
    sent.length = 0;
    const scheduled = await reconcileCityFilings(workerEnv(), { tenants: [findTenant(A)!] });
    expect(scheduled).toEqual([{ kind: 'city_filings.reconcile', tenant: A, after: null }]);
    expect(sent).toEqual(scheduled);
    await deliver(sent.splice(0));
    expect(await inboxOf(A, [a!.alliance.id])).toMatchObject([{ id: a!.filingId, cityState: 'unread' }]);
  });

  it('lists newest first, pages with a cursor, filters by kind', async () => {
    const made = await alliances(B, 3);
    // Signing writes the copies (the county's rows are the truth the copy is taken from).
    for (const m of made) await request('POST', '/api/city/filings/acknowledge', city.token, { items: [{ tenant: B, id: m.filingId }] });
    const all = await json<CityPage>(await request('GET', `/api/city/filings?tenant=${B}&kind=approval&limit=2`, city.token), 200);
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).not.toBeNull();
    const next = await json<CityPage>(await request('GET', `/api/city/filings?tenant=${B}&kind=approval&limit=2&cursor=${all.nextCursor}`, city.token), 200);
    const ids = [...all.items, ...next.items].map((f) => `${f.tenant}/${f.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    const sorted = [...all.items, ...next.items].map((f) => f.filedAt);
    expect(sorted).toEqual([...sorted].sort((x, y) => y - x));
    expect((await json<CityPage>(await request('GET', `/api/city/filings?tenant=${B}&kind=assessment`, city.token), 200)).items.filter((f) => made.some((m) => m.filingId === f.id))).toEqual([]);
  });

  it("the reconciliation: after a county's full copy, the inbox equals that county's own filings, field by field", async () => {
    await alliances(B, 2);
    await refreshCityFilings({ control: openDb(control()), county: openDb(countyDb(B)), tenant: B, now: Date.now() });
    const all = async <T,>(path: string, token: string): Promise<T[]> => {
      const out: T[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: T[]; nextCursor: string | null } = await json(await request('GET', `${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${cursor}` : ''}`, token), 200);
        out.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };
    const county = await all<FilingView>(`/api/t/${B}/filings`, adminB.token);
    const inbox = await all<CityFilingView>(`/api/city/filings?tenant=${B}`, city.token);
    const pick = (f: FilingView | CityFilingView) => [f.id, f.kind, f.allianceId, f.allianceName, f.committeeName, f.title, f.summary, f.filedOn, f.filedAt, f.countyState, f.cityState, f.cityAckAt, f.cityAckBy ?? null].join('|');
    expect(county.length).toBeGreaterThanOrEqual(6);
    expect(inbox.map(pick).sort()).toEqual(county.map(pick).sort());
  });
});
