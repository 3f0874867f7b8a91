import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from 'cloudflare:workers';
import { applyOnce, toEnvelope, type EventEnvelope, type OutboxRecord } from '@ronghe/events';
import { findTenant } from '@ronghe/tenancy';
import { deliverDue, webhooksConsumer } from '@ronghe/webhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSUMERS } from '../../workers/edge/src/events.ts';
import { call, makeFixture, makeUser, type TestUser } from '../support/factories.ts';
import { ROUTE_CASES } from '../support/route-cases.ts';
import { makeWebhookFixture } from '../support/webhook-factories.ts';
import { bindings } from '../support/worker.ts';

// Signed webhooks (issue 14 § Webhooks, ADR 0028): signatures verify with the
// documented recipe (implemented here independently, with node:crypto), a
// failing endpoint is retried with backoff and then disabled with a 工作台
// message, a replay re-delivers, and no payload carries personal data.
const T = 'wengniute';
const OTHER = 'ningcheng';
const dbOf = (t: string) => bindings[findTenant(t)!.binding]!;
const tenantRef = { slug: T, code: findTenant(T)!.code, name: findTenant(T)!.name, kind: 'county' as const };
const ENV = { APP_ENV: 'test' };
const allEnv = env as unknown as Record<string, unknown>;

interface Sent {
  url: string;
  headers: Headers;
  body: string;
}

/** A receiver: records every request and answers with `status(n)` for the n-th request to it. */
function receiver(status: (n: number) => number = () => 200) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body) });
    const code = status(sent.length);
    return new Response(code === 204 ? null : 'ok', { status: code });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

/** The documented recipe (docs/webhooks.md), independently: HMAC-SHA256(secret, `${t}.${body}`), hex, compared in constant time. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function register(admin: TestUser, eventTypes: string[], url = `https://hooks.example.com/${crypto.randomUUID()}`) {
  const res = await call('POST', `/api/t/${T}/webhooks/endpoints`, { token: admin.token, body: { url, description: '社区小程序后台', eventTypes } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; url: string; secret: string; version: number; secretPrefix: string };
}

/** Writes through a real route and returns the envelopes its outbox rows are (as the relay sends them). */
async function envelopesAfter(write: () => Promise<Response>): Promise<EventEnvelope[]> {
  const before = (await dbOf(T).prepare("SELECT COALESCE(MAX(id), '') AS m FROM outbox").first<{ m: string }>())!.m;
  const res = await write();
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  const rows = (await dbOf(T).prepare('SELECT * FROM outbox WHERE id > ? ORDER BY id').bind(before).all<OutboxRecord>()).results;
  return rows.map((r) => toEnvelope(r, T));
}

async function consume(events: EventEnvelope[]) {
  expect(events.length).toBeGreaterThan(0);
  const outcomes = [];
  for (const e of events) outcomes.push(await applyOnce(webhooksConsumer, e, dbOf(T), allEnv, Date.now()));
  return outcomes;
}

const notificationsConsumer = CONSUMERS.find((c) => c.name === 'workbench.notifications')!;

afterEach(() => vi.restoreAllMocks());

describe('registering an endpoint', () => {
  it('shows the secret once, keeps it only encrypted, and never audits it', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const ep = await register(admin, ['need.created']);
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(ep.secretPrefix).toBe(ep.secret.slice(0, 10));

    const list = await call('GET', `/api/t/${T}/webhooks/endpoints`, { token: admin.token });
    expect(await list.text()).not.toContain(ep.secret);
    const row = await dbOf(T).prepare('SELECT * FROM webhook_endpoints WHERE id = ?').bind(ep.id).first();
    expect(JSON.stringify(row)).not.toContain(ep.secret);
    const audit = await dbOf(T).prepare('SELECT before, after FROM audit_log WHERE entity_id = ?').bind(ep.id).all();
    expect(audit.results).toHaveLength(1);
    expect(JSON.stringify(audit.results)).not.toContain(ep.secret);

    const rotated = await call('POST', `/api/t/${T}/webhooks/endpoints/${ep.id}/rotate-secret`, { token: admin.token, headers: { 'if-match': '"v1"' } });
    expect(rotated.status).toBe(200);
    const r = (await rotated.json()) as { secret: string; version: number };
    expect(r.secret).not.toBe(ep.secret);
    expect(r.version).toBe(2);
    // The old version is refused: 412, nothing rotated twice.
    const stale = await call('POST', `/api/t/${T}/webhooks/endpoints/${ep.id}/rotate-secret`, { token: admin.token, headers: { 'if-match': '"v1"' } });
    expect(stale.status).toBe(412);
  });

  it('refuses plain http except to this machine, and ftp at all, with the field named', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    for (const url of ['http://hooks.example.com/x', 'ftp://hooks.example.com/x', 'https://user:pw@hooks.example.com/x']) {
      const res = await call('POST', `/api/t/${T}/webhooks/endpoints`, { token: admin.token, body: { url, eventTypes: ['need.created'] } });
      expect(res.status, url).toBe(422);
      const p = (await res.json()) as { code: string; errors: { path: string; message: string }[] };
      expect(p.code).toBe('validation_failed');
      expect(p.errors[0]).toMatchObject({ path: 'body.url' });
      expect(p.errors[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // Outside production, a receiver on this machine is allowed over http.
    expect((await register(admin, ['need.created'], 'http://localhost:8788/hook')).url).toBe('http://localhost:8788/hook');
  });

  it("a county's endpoint and deliveries are not another county's: 404", async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const otherAdmin = await makeUser([{ tenant: OTHER, role: 'county_admin' }]);
    const ep = await register(admin, ['need.created']);
    const res = await call('PATCH', `/api/t/${OTHER}/webhooks/endpoints/${ep.id}`, { token: otherAdmin.token, headers: { 'if-match': '"v1"' }, body: { status: 'disabled' } });
    expect(res.status).toBe(404);
    const list = await call('GET', `/api/t/${OTHER}/webhooks/endpoints`, { token: otherAdmin.token });
    expect(((await list.json()) as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(ep.id);
  });
});

describe('the delivery log at the edge of D1', () => {
  it('lists 150 deliveries of a county with their attempts in one page: more than 100 of them, D1’s bound-parameter limit', async () => {
    const t = 'linxi';
    const admin = await makeUser([{ tenant: t, role: 'county_admin' }]);
    const made: string[] = [];
    for (let i = 0; i < 150; i++) made.push((await makeWebhookFixture(t)).deliveryId);
    const res = await call('GET', `/api/t/${t}/webhooks/deliveries`, { token: admin.token });
    expect(res.status, await res.clone().text()).toBe(200);
    const items = ((await res.json()) as { items: Array<{ id: string; status: string; attemptLog: unknown[] }> }).items;
    expect(items.map((i) => i.id).sort()).toEqual([...made].sort());
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['failed']));
  });
});

describe('delivering', () => {
  it('signs each delivery so the documented recipe verifies it, with the event id and type in headers', async () => {
    const f = await makeFixture(T);
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const ep = await register(admin, ['need.created']);
    const req = await ROUTE_CASES['POST /api/t/{tenant}/needs']!.build(f);
    const events = await envelopesAfter(() => call('POST', req.path, { token: admin.token, body: req.body }));
    const created = events.find((e) => e.type === 'need.created')!;
    // The queue may deliver the event too (at least once): still one delivery per (endpoint, event).
    await consume(events);
    await consume(events);
    const rows = await dbOf(T).prepare('SELECT status FROM webhook_deliveries WHERE endpoint_id = ?').bind(ep.id).all();
    expect(rows.results).toEqual([{ status: 'pending' }]);

    const r = receiver();
    const out = await deliverDue({ d1: dbOf(T), tenant: tenantRef, env: ENV, fetch: r.fetch });
    const mine = r.sent.filter((s) => s.url === ep.url);
    expect(mine).toHaveLength(1);
    const s = mine[0]!;
    expect(verify(ep.secret, s.headers.get('Ronghe-Signature')!, s.body)).toBe(true);
    // A body changed in transit, or another secret, does not verify.
    expect(verify(ep.secret, s.headers.get('Ronghe-Signature')!, s.body.replace('need.created', 'need.closed'))).toBe(false);
    expect(verify('whsec_other', s.headers.get('Ronghe-Signature')!, s.body)).toBe(false);
    expect(s.headers.get('Ronghe-Event-Id')).toBe(created.id);
    expect(s.headers.get('Ronghe-Event-Type')).toBe('need.created');
    expect(JSON.parse(s.body)).toMatchObject({ id: created.id, type: 'need.created', tenant: T, aggregate: { type: 'need', id: created.aggregate.id }, data: { needId: created.aggregate.id, quantity: 8 } });
    expect(out.find((o) => r.sent.length && o.ok)).toBeTruthy();
    const d = await dbOf(T).prepare('SELECT status, attempts, last_status_code FROM webhook_deliveries WHERE endpoint_id = ?').bind(ep.id).first();
    expect(d).toEqual({ status: 'delivered', attempts: 1, last_status_code: 200 });
  });

  it('carries no personal data: no person of the fixture, no contact, no text a person wrote, no account', async () => {
    const f = await makeFixture(T);
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }], { displayName: '王秀英' });
    const ep = await register(admin, ['need.created', 'activity.created', 'match.accepted', 'project.accepted']);
    const need = await ROUTE_CASES['POST /api/t/{tenant}/needs']!.build(f);
    const activity = await ROUTE_CASES['POST /api/t/{tenant}/activities']!.build(f);
    const events = [
      ...(await envelopesAfter(() => call('POST', need.path, { token: admin.token, body: need.body }))),
      ...(await envelopesAfter(() => call('POST', activity.path, { token: admin.token, body: activity.body }))),
    ];
    await consume(events);
    const r = receiver();
    await deliverDue({ d1: dbOf(T), tenant: tenantRef, env: ENV, fetch: r.fetch });
    const bodies = r.sent.filter((s) => s.url === ep.url).map((s) => s.body);
    expect(bodies).toHaveLength(2);
    // What people wrote: titles, descriptions, places, contacts (coded values such as 来源 are not written text).
    const written = [need.body, activity.body]
      .flatMap((b) => Object.entries(b as Record<string, unknown>))
      .filter(([k, v]) => typeof v === 'string' && /title|description|content|contact|location|address|note|summary/i.test(k) && v.length > 1)
      .map(([, v]) => v as string);
    expect(written.length).toBeGreaterThan(1);
    const forbidden = [f.person.name, f.person.phone, f.person.idNumber, '王秀英', admin.id, admin.username, ...written].filter((v): v is string => !!v);
    for (const b of bodies) for (const v of forbidden) expect(b, `payload carries ${v}`).not.toContain(v);
    for (const b of bodies) expect(Object.keys(JSON.parse(b)).sort()).toEqual(['aggregate', 'data', 'id', 'occurredAt', 'tenant', 'type', 'version']);
  });

  it('retries a failing endpoint with doubling backoff, then disables it and tells the county administrators', async () => {
    const f = await makeFixture(T);
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const ep = await register(admin, ['need.created']);
    const events: EventEnvelope[] = [];
    for (let i = 0; i < 2; i++) {
      const req = await ROUTE_CASES['POST /api/t/{tenant}/needs']!.build(f);
      events.push(...(await envelopesAfter(() => call('POST', req.path, { token: admin.token, body: req.body }))));
    }
    await consume(events);
    const r = receiver(() => 503);
    const mineOnly = (async (url: RequestInfo | URL, init?: RequestInit) => (String(url) === ep.url ? r.fetch(url, init) : new Response('ok'))) as typeof fetch;
    const t0 = Date.now() + 1_000;
    const at = (ms: number) => deliverDue({ d1: dbOf(T), tenant: tenantRef, env: ENV, fetch: mineOnly, now: () => t0 + ms });
    // Two deliveries, both failing: 2 failures per round. Rounds at 0, +1, +3, +7, +15 min (1, 2, 4, 8 min apart).
    await at(0);
    await at(30_000); // not yet due: nothing tried
    expect(r.sent).toHaveLength(2);
    for (const ms of [60_000, 180_000, 420_000, 900_000]) await at(ms);
    expect(r.sent).toHaveLength(10);

    const attempts = (await dbOf(T)
      .prepare('SELECT a.delivery_id, a.attempt, a.at, a.status_code, a.error FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = ? ORDER BY a.delivery_id, a.attempt')
      .bind(ep.id)
      .all<{ delivery_id: string; attempt: number; at: number; status_code: number; error: string }>()).results;
    expect(attempts).toHaveLength(10);
    const first = attempts.filter((a) => a.delivery_id === attempts[0]!.delivery_id);
    expect(first.map((a) => a.at - t0)).toEqual([0, 60_000, 180_000, 420_000, 900_000]);
    expect(first.every((a) => a.status_code === 503 && a.error === '对方返回状态码 503')).toBe(true);

    const endpoint = await dbOf(T).prepare('SELECT status, disabled_reason, consecutive_failures FROM webhook_endpoints WHERE id = ?').bind(ep.id).first();
    expect(endpoint).toEqual({ status: 'disabled', disabled_reason: 'failures', consecutive_failures: 10 });
    // Disabled: the next round tries nothing.
    await at(3_600_000);
    expect(r.sent).toHaveLength(10);

    // The disabling is audited by the system and becomes an event; its message reaches the county's administrators.
    const outbox = await dbOf(T).prepare("SELECT id FROM outbox WHERE type = 'webhook.endpoint_auto_disabled' AND aggregate_id = ?").bind(ep.id).all<{ id: string }>();
    expect(outbox.results).toHaveLength(1);
    const disabled = toEnvelope((await dbOf(T).prepare('SELECT * FROM outbox WHERE id = ?').bind(outbox.results[0]!.id).first<OutboxRecord>())!, T);
    expect(disabled.data).toEqual({ endpointId: ep.id, consecutiveFailures: 10 });
    await applyOnce(notificationsConsumer, disabled, dbOf(T), allEnv, Date.now());
    const note = await dbOf(T).prepare('SELECT title, link FROM notifications WHERE recipient_id = ? AND event_id = ?').bind(admin.id, disabled.id).first();
    expect(note).toEqual({ title: '回调地址连续 10 次投递失败，已自动停用', link: `/t/${T}/webhooks` });

    // A replay to a disabled endpoint is refused; enabled again (failures cleared), the replay re-delivers at once.
    const [d1] = (await dbOf(T).prepare('SELECT id FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id').bind(ep.id).all<{ id: string }>()).results;
    const refused = await call('POST', `/api/t/${T}/webhooks/deliveries/${d1!.id}/replay`, { token: admin.token });
    expect(refused.status).toBe(409);
    const list = (await (await call('GET', `/api/t/${T}/webhooks/endpoints`, { token: admin.token })).json()) as { items: { id: string; version: number }[] };
    const v = list.items.find((i) => i.id === ep.id)!.version;
    const enabled = await call('PATCH', `/api/t/${T}/webhooks/endpoints/${ep.id}`, { token: admin.token, headers: { 'if-match': `"v${v}"` }, body: { status: 'enabled' } });
    expect(enabled.status, await enabled.clone().text()).toBe(200);
    expect(await enabled.json()).toMatchObject({ status: 'enabled', disabledReason: null, consecutiveFailures: 0 });

    const ok = receiver(() => 204);
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(ok.fetch);
    const replayed = await call('POST', `/api/t/${T}/webhooks/deliveries/${d1!.id}/replay`, { token: admin.token });
    expect(replayed.status, await replayed.clone().text()).toBe(200);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(ok.sent[0]!.url).toBe(ep.url);
    // The same event, the same body as its first attempt, signed afresh.
    expect(ok.sent[0]!.body).toBe(r.sent.find((s) => s.headers.get('Ronghe-Delivery-Id') === d1!.id)!.body);
    expect(verify(ep.secret, ok.sent[0]!.headers.get('Ronghe-Signature')!, ok.sent[0]!.body)).toBe(true);
    const view = (await replayed.json()) as { status: string; attempts: number; lastStatusCode: number; attemptLog: { statusCode: number }[] };
    expect(view).toMatchObject({ status: 'delivered', attempts: 6, lastStatusCode: 204 });
    expect(view.attemptLog.map((a) => a.statusCode)).toEqual([503, 503, 503, 503, 503, 204]);
    const audit = await dbOf(T).prepare("SELECT actor_id FROM audit_log WHERE action = 'webhook.delivery_replay' AND entity_id = ?").bind(d1!.id).all();
    expect(audit.results).toEqual([{ actor_id: admin.id }]);
  });
});
