import { API_SCOPES, type ApiScope } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { call, makeApiKey, makeFixture, makeUser, snapshotCounts } from '../support/factories.ts';
import { makeNeed } from '../support/list-factories.ts';
import { mountedOperations } from '../support/mounted-routes.ts';
import { ROUTE_CASES } from '../support/route-cases.ts';
import { bindings } from '../support/worker.ts';
import { V1_SCOPES } from '../spec/v1-scopes.ts';

// Issue 14 § Access, ADR 0026: every /v1 operation requires one scope; a key
// without it gets 403 insufficient_scope naming it; expired keys 401;
// revocation at once; usage per day; the secret never again after issue.

const T = 'ningcheng';
const coverage = await mountedOperations();
const v1 = coverage.ops.filter((o) => o.path.startsWith('/v1/'));
const doc = (await (await call('GET', '/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { 'x-scope'?: string; responses?: Record<string, unknown> }>> };
/** The success status an operation declares (201 for a creation, 200 for a read or an action such as cancel). */
const okStatusOf = (o: { path: string; method: string }) => Number(Object.keys(doc.paths[o.path]![o.method.toLowerCase()]!.responses ?? {}).find((s) => s.startsWith('2')));

interface Problem {
  code: string;
  detail: string;
  requiredScope?: string;
  errors?: Array<{ path: string; message: string }>;
}

async function problem(res: Response, status: number, code: string, label: string): Promise<Problem> {
  const text = await res.clone().text();
  expect(res.status, `${label}: ${text}`).toBe(status);
  expect(res.headers.get('content-type'), label).toContain('application/problem+json');
  const p = (await res.json()) as Problem;
  expect(p.code, label).toBe(code);
  return p;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const DAY = 86_400_000;
/** Asia/Shanghai date of an instant, computed here by hand (UTC+8, no daylight saving). */
const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe('every /v1 operation declares its scope', () => {
  it('in the document (x-scope, one of the scopes) and in the hand-written table, the same one', () => {
    expect(v1.length).toBeGreaterThanOrEqual(8);
    const undeclared = v1.filter((o) => !API_SCOPES.includes(doc.paths[o.path]![o.method.toLowerCase()]!['x-scope'] as ApiScope)).map((o) => o.key);
    expect(undeclared, 'these /v1 operations declare no scope: use v1Route({ scope })').toEqual([]);
    expect(v1.filter((o) => !V1_SCOPES[o.key]).map((o) => o.key), 'add these operations to test/spec/v1-scopes.ts').toEqual([]);
    for (const o of v1) expect(doc.paths[o.path]![o.method.toLowerCase()]!['x-scope'], o.key).toBe(V1_SCOPES[o.key]);
  });
});

describe('scope matrix: every /v1 operation × every scope', () => {
  const world = makeFixture(T);
  for (const op of v1) {
    const required = V1_SCOPES[op.key];
    it(`${op.key}: allowed with ${required ?? '?'}, 403 naming it with any other scope; a refused write changes nothing`, async () => {
      expect(required, `${op.key} needs a row in test/spec/v1-scopes.ts`).toBeDefined();
      const f = await world;
      // The rollup is the city's: its keys live in the city tenant. Every other operation: the county's own keys.
      const keyTenant = required === 'rollup:read' ? 'chifeng' : T;
      for (const scope of API_SCOPES) {
        const key = await makeApiKey(keyTenant, { scopes: [scope] });
        const req = await ROUTE_CASES[op.key]!.build(f);
        // A resident's need is followed and cancelled only by the app (key) that submitted it (ADR 0027): this key's own.
        if (op.path.startsWith('/v1/needs/{id}')) {
          const own = await makeNeed(T, f.alliance2, { apiKeyId: key.id, raisedByOrgId: null, source: '群众点单' });
          req.path = req.path.replace(f.appNeed.id, own.id);
        }
        const label = `${op.key} with only ${scope}`;
        const before = await snapshotCounts(keyTenant);
        const res = await call(req.method, req.path, { headers: { ...req.headers, ...bearer(key.key) }, body: req.body });
        if (scope === required) {
          expect(res.status, `${label}: ${await res.clone().text()}`).toBe(okStatusOf(op));
        } else {
          const p = await problem(res, 403, 'insufficient_scope', label);
          expect(p.requiredScope, label).toBe(required);
          expect(p.detail, label).toContain(required);
          expect(await snapshotCounts(keyTenant), `${label} wrote something`).toEqual(before);
        }
      }
    });
  }

  it('a key holding every read scope writes nothing', async () => {
    const f = await world;
    const reader = await makeApiKey(T, { scopes: ['orgs:read', 'alliances:read', 'projects:read', 'activities:read', 'needs:read'] });
    const before = await snapshotCounts(T);
    const req = await ROUTE_CASES['POST /v1/needs']!.build(f);
    const p = await problem(await call('POST', '/v1/needs', { headers: bearer(reader.key), body: req.body }), 403, 'insufficient_scope', 'reader submits');
    expect(p.requiredScope).toBe('needs:write');
    expect(await snapshotCounts(T)).toEqual(before);
  });
});

describe('expiry, revocation and usage', () => {
  it('a key past its last day answers 401 api_key_expired naming the day; one ending today still works', async () => {
    const now = Date.now();
    const today = shanghaiDay(now);
    const yesterday = shanghaiDay(now - DAY);
    // Expired: its last day was yesterday, so it stopped at today's 00:00 (Asia/Shanghai).
    const expired = await makeApiKey(T, { expiresAt: Date.parse(`${today}T00:00:00+08:00`) });
    const p = await problem(await call('GET', '/v1/orgs', { headers: bearer(expired.key) }), 401, 'api_key_expired', 'expired key');
    expect(p.detail).toContain(yesterday);

    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const issued = await call('POST', `/api/t/${T}/api-keys`, { token: admin.token, body: { name: '今日到期的大屏', scopes: ['orgs:read'], expiresOn: today } });
    expect(issued.status, await issued.clone().text()).toBe(201);
    const k = (await issued.json()) as { key: string; expiresOn: string; expiresAt: number };
    expect(k.expiresOn).toBe(today);
    expect(k.expiresAt).toBe(Date.parse(`${today}T00:00:00+08:00`) + DAY);
    expect((await call('GET', '/v1/orgs', { headers: bearer(k.key) })).status).toBe(200);
  });

  it('revocation takes effect on the very next request', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const { id, key } = (await (await call('POST', `/api/t/${T}/api-keys`, { token: admin.token, body: { name: '待吊销的密钥', scopes: ['needs:read'] } })).json()) as { id: string; key: string };
    expect((await call('GET', '/v1/needs', { headers: bearer(key) })).status).toBe(200);
    expect((await call('POST', `/api/t/${T}/api-keys/${id}/revoke`, { token: admin.token, headers: { 'if-match': '"v1"' } })).status).toBe(200);
    await problem(await call('GET', '/v1/needs', { headers: bearer(key) }), 401, 'unauthenticated', 'revoked key');
  });

  it('lists a county with 120 keys, each with its last use: more keys than D1 has bound parameters (100)', async () => {
    const t = 'kalaqin';
    const admin = await makeUser([{ tenant: t, role: 'county_admin' }]);
    const keys: Array<{ id: string; key: string }> = [];
    for (let i = 0; i < 120; i++) keys.push(await makeApiKey(t, { scopes: ['orgs:read'] }));
    expect((await call('GET', '/v1/orgs', { headers: bearer(keys[119]!.key) })).status).toBe(200);
    const res = await call('GET', `/api/t/${t}/api-keys`, { token: admin.token });
    expect(res.status, await res.clone().text()).toBe(200);
    const items = ((await res.json()) as { items: Array<{ id: string; lastUsedAt: number | null }> }).items;
    expect(items.length).toBeGreaterThanOrEqual(120);
    expect(items.find((k) => k.id === keys[119]!.id)!.lastUsedAt).toEqual(expect.any(Number));
    expect(items.find((k) => k.id === keys[0]!.id)!.lastUsedAt).toBeNull();
  });

  it('counts calls per key per Asia/Shanghai day over the last 30 days, and shows the last use', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const key = await makeApiKey(T, { scopes: ['orgs:read'] });
    const other = await makeApiKey(T, { scopes: ['orgs:read'] });
    const now = Date.now();
    // Earlier days, as the counter would have left them: 29 days ago (the window's first day) and 30 days ago (outside).
    const control = bindings.DB_CONTROL!;
    await control.batch([
      control.prepare('INSERT INTO api_key_usage (key_id, day, tenant, calls, last_used_at) VALUES (?1, ?2, ?3, 7, ?4)').bind(key.id, shanghaiDay(now - 29 * DAY), T, now - 29 * DAY),
      control.prepare('INSERT INTO api_key_usage (key_id, day, tenant, calls, last_used_at) VALUES (?1, ?2, ?3, 5, ?4)').bind(key.id, shanghaiDay(now - 30 * DAY), T, now - 30 * DAY),
    ]);
    for (let i = 0; i < 3; i++) expect((await call('GET', '/v1/orgs', { headers: bearer(key.key) })).status).toBe(200);
    // A refused call (no scope) counts too: it was made with the key.
    expect((await call('GET', '/v1/needs', { headers: bearer(key.key) })).status).toBe(403);
    expect((await call('GET', '/v1/orgs', { headers: bearer(other.key) })).status).toBe(200);

    const usage = (await (await call('GET', `/api/t/${T}/api-keys/${key.id}/usage`, { token: admin.token })).json()) as {
      days: Array<{ day: string; calls: number }>;
      total: number;
      lastUsedAt: number | null;
    };
    expect(usage.days).toHaveLength(30);
    expect(usage.days[0]).toEqual({ day: shanghaiDay(now - 29 * DAY), calls: 7 });
    const today = usage.days.at(-1)!;
    // The test could straddle midnight in Shanghai: then today's four calls are split over the last two days.
    expect(usage.days.slice(-2).reduce((s, d) => s + d.calls, 0)).toBe(4);
    expect(today.day >= shanghaiDay(now)).toBe(true);
    expect(usage.total).toBe(11);
    expect(usage.lastUsedAt).toBeGreaterThanOrEqual(now);

    const list = (await (await call('GET', `/api/t/${T}/api-keys`, { token: admin.token })).json()) as { items: Array<{ id: string; lastUsedAt: number | null; scopes: string[] }> };
    const row = list.items.find((k) => k.id === key.id)!;
    expect(row.lastUsedAt).toBe(usage.lastUsedAt);
    expect(row.scopes).toEqual(['orgs:read']);
  });
});

describe('the secret is shown once and never again', () => {
  it('is in the issue answer only: not in the key row, the list, the usage, the audit rows, or the control database', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const issued = (await (await call('POST', `/api/t/${T}/api-keys`, { token: admin.token, body: { name: '秘密检查', scopes: ['orgs:read', 'needs:read'] } })).json()) as {
      id: string;
      key: string;
      prefix: string;
    };
    expect(issued.key.startsWith(`rhk_${T}_`)).toBe(true);
    expect(issued.key.startsWith(issued.prefix)).toBe(true);
    const secret = issued.key.slice(issued.prefix.length);
    expect((await call('GET', '/v1/orgs', { headers: bearer(issued.key) })).status).toBe(200);
    await call('POST', `/api/t/${T}/api-keys/${issued.id}/revoke`, { token: admin.token, headers: { 'if-match': '"v1"' } });

    const d1 = bindings.DB_NINGCHENG!;
    const keyRow = await d1.prepare('SELECT * FROM api_keys WHERE id = ?1').bind(issued.id).first<Record<string, unknown>>();
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(issued.key)))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(keyRow!.key_hash).toBe(digest);
    const audit = await d1.prepare('SELECT * FROM audit_log WHERE entity_id = ?1').bind(issued.id).all();
    expect(audit.results).toHaveLength(2);
    const control = bindings.DB_CONTROL!;
    const usage = await control.prepare('SELECT * FROM api_key_usage WHERE key_id = ?1').bind(issued.id).all();
    const limits = await control.prepare('SELECT * FROM rate_limits WHERE bucket LIKE ?1').bind(`%${issued.id}%`).all();
    const list = await (await call('GET', `/api/t/${T}/api-keys`, { token: admin.token })).text();
    const use = await (await call('GET', `/api/t/${T}/api-keys/${issued.id}/usage`, { token: admin.token })).text();
    const auditApi = await (await call('GET', `/api/t/${T}/audit?entityId=${issued.id}`, { token: admin.token })).text();
    for (const [where, text] of [
      ['key row', JSON.stringify(keyRow)],
      ['audit rows', JSON.stringify(audit.results)],
      ['usage rows', JSON.stringify(usage.results)],
      ['rate-limit rows', JSON.stringify(limits.results)],
      ['list', list],
      ['usage answer', use],
      ['audit answer', auditApi],
    ] as const) {
      expect(text, where).not.toContain(secret.slice(0, 16));
      // The hash stays in its own column: never in an answer or the audit.
      if (where !== 'key row') expect(text, where).not.toContain(digest);
    }
    expect(list).toContain(issued.prefix);
  });
});

describe('city-wide read keys', () => {
  it('a city admin issues a rollup:read key in the city tenant; it reads the rollup of the 12 counties', async () => {
    const city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const issued = await call('POST', '/api/t/chifeng/api-keys', { token: city.token, body: { name: '全市数据大屏', scopes: ['rollup:read', 'orgs:read'] } });
    expect(issued.status, await issued.clone().text()).toBe(201);
    const { key } = (await issued.json()) as { key: string };
    expect(key.startsWith('rhk_chifeng_')).toBe(true);
    const res = await call('GET', '/v1/rollup', { headers: bearer(key) });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { counties: Array<{ slug: string }>; city: unknown };
    expect(body.counties).toHaveLength(12);
    expect(body.counties.map((c) => c.slug)).toContain('ningcheng');
    expect(body.city).toBeDefined();
  });

  it('the city issues read keys only, and a county key never gets rollup:read (422 naming the scopes)', async () => {
    const city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const before = await snapshotCounts(T);
    const county = await problem(await call('POST', `/api/t/${T}/api-keys`, { token: admin.token, body: { name: '想读全市', scopes: ['orgs:read', 'rollup:read'] } }), 422, 'validation_failed', 'county rollup');
    expect(county.errors).toEqual([{ path: 'body.scopes', message: expect.stringContaining('读取全市汇总') }]);
    expect(await snapshotCounts(T)).toEqual(before);
    const cityWrite = await problem(await call('POST', '/api/t/chifeng/api-keys', { token: city.token, body: { name: '市级写入', scopes: ['needs:write'] } }), 422, 'validation_failed', 'city write');
    expect(cityWrite.errors?.map((e) => e.path)).toEqual(['body.scopes']);
    // A city admin in a county reads only: it cannot issue that county's keys.
    await problem(await call('POST', `/api/t/${T}/api-keys`, { token: city.token, body: { name: '越权签发', scopes: ['orgs:read'] } }), 403, 'forbidden', 'city in county');
  });

  it('a city key reaches none of a county’s objects', async () => {
    const f = await makeFixture(T);
    const cityKey = await makeApiKey('chifeng', { scopes: ['orgs:read'] });
    await problem(await call('GET', `/v1/orgs/${f.org.id}`, { headers: bearer(cityKey.key) }), 404, 'not_found', 'city key, county org');
  });
});

describe('limits', () => {
  it('list operations refuse more than 100 a page with 422 naming limit', async () => {
    const key = await makeApiKey(T);
    for (const path of ['/v1/orgs?limit=101', '/v1/alliances?limit=101', '/v1/needs?limit=101']) {
      const p = await problem(await call('GET', path, { headers: bearer(key.key) }), 422, 'validation_failed', path);
      expect(p.errors?.map((e) => [e.path, e.message])).toEqual([['query.limit', '每页最多 100 条']]);
    }
  });

  it('a POST body over 256 KiB is refused with 413 before anything is stored', async () => {
    const f = await makeFixture(T);
    const before = await snapshotCounts(T);
    const req = await ROUTE_CASES['POST /v1/needs']!.build(f);
    const big = JSON.stringify({ ...(req.body as object), description: '长'.repeat(100_000) });
    await problem(await call('POST', '/v1/needs', { headers: { ...bearer(f.apiKey.key), 'content-type': 'application/json' }, rawBody: big }), 413, 'payload_too_large', 'big body');
    expect(await snapshotCounts(T)).toEqual(before);
  });
});
