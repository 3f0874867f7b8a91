import { openDb } from '@ronghe/core';
import { findTenant } from '@ronghe/tenancy';
import { describe, expect, it } from 'vitest';
import { makeAlliance } from '../../../test/support/alliance-factories.ts';
import { call, makeApiKey, makeOrg, makeUser } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { sweepIdempotency } from '../../edge/src/scheduled.ts';

// 群众点单 through the residents' mini-program and idempotent /v1 writes (ADR 0027).

let seq = 0;
/** A community (its party organization carries a fresh 12-digit code) served by an active alliance it is a member of. */
async function servedCommunity(tenant: string) {
  const county = findTenant(tenant)!.code;
  const code = `${county}${String(100 + (Date.now() % 800)).padStart(3, '0')}${String(++seq).padStart(3, '0')}`;
  const street = await makeOrg(tenant, { kind: '党工委', domain: '街道', divisionCode: code.slice(0, 9) });
  const community = await makeOrg(tenant, { parent: street, kind: '党委', domain: '社区', divisionCode: code });
  const grid = await makeOrg(tenant, { parent: community, kind: '党支部', domain: '社区' });
  const other = await makeOrg(tenant, { domain: '机关', kind: '党支部' });
  // Served through a grid branch that is a member (not the lead): the place lies under the community's organization.
  const alliance = await makeAlliance(tenant, { lead: other, committee: street, status: 'active', members: [grid] });
  return { code, alliance: alliance.alliance };
}

const db = (tenant: string) => openDb(bindings[findTenant(tenant)!.binding]!);

function needBody(communityCode: string, title: string) {
  return { title, categoryId: 'cat_property', quantity: 1, unit: '处', urgency: 2, deadline: '2099-03-01', communityCode, gridName: '第三网格', raiserName: '刘女士', raiserPhone: '13904761111' };
}

async function post(key: string, path: string, body: unknown, idem?: string) {
  return call('POST', path, { headers: { authorization: `Bearer ${key}`, ...(idem ? { 'idempotency-key': idem } : {}) }, body });
}

async function rows(tenant: string, sql: string, ...params: unknown[]) {
  return (await db(tenant).$client.prepare(sql).bind(...params).all()).results as Array<Record<string, unknown>>;
}

describe('/v1 群众点单: a resident submits, follows and cancels a need', () => {
  it('goes to the alliance serving the community, as 群众点单, with the contact only masked anywhere /v1 or events show it', async () => {
    const { code, alliance } = await servedCommunity('kalaqin');
    const key = await makeApiKey('kalaqin');
    const title = `楼道灯不亮${Date.now()}`;
    const res = await post(key.key, '/v1/needs', needBody(code, title));
    const text = await res.text();
    expect(res.status, text).toBe(201);
    expect(text).not.toContain('刘女士');
    expect(text).not.toContain('13904761111');
    const r = JSON.parse(text) as Record<string, unknown>;
    expect(r).toMatchObject({ title, source: '群众点单', allianceId: alliance.id, progress: 'submitted', progressLabel: '已受理，等待对接', contactMasked: '139****1111' });
    expect(res.headers.get('idempotency-replayed')).toBeNull();

    const follow = await call('GET', `/v1/needs/${r.ref as string}`, { headers: { authorization: `Bearer ${key.key}` } });
    const followText = await follow.text();
    expect(follow.status).toBe(200);
    expect(JSON.parse(followText)).toMatchObject({ ref: r.ref, progress: 'submitted', contactMasked: '139****1111' });
    expect(followText).not.toMatch(/刘女士|13904761111/);

    const listed = await (await call('GET', `/v1/needs?allianceId=${alliance.id}`, { headers: { authorization: `Bearer ${key.key}` } })).text();
    expect(listed).toContain(title);
    expect(listed).not.toMatch(/刘女士|13904761111/);

    const events = await rows('kalaqin', 'SELECT type, data FROM outbox WHERE aggregate_id = ?', r.ref);
    expect(events.map((e) => e.type)).toEqual(['need.created']);
    expect(String(events[0]!.data)).not.toMatch(/刘女士|13904761111|139\*/);
    expect(JSON.parse(String(events[0]!.data))).toMatchObject({ source: '群众点单', allianceId: alliance.id });

    // The county keeps the contact to call back.
    const admin = await makeUser([{ tenant: 'kalaqin', role: 'county_admin' }]);
    const seen = (await (await call('GET', `/api/t/kalaqin/needs/${r.ref as string}`, { token: admin.token })).json()) as Record<string, unknown>;
    expect(seen).toMatchObject({ source: '群众点单', raiserName: '刘女士', raiserPhone: '13904761111', communityCode: code });
  });

  it('prefers the alliance the community itself leads over one it is only a member of', async () => {
    const { code, alliance: memberOf } = await servedCommunity('kalaqin');
    const community = (await rows('kalaqin', 'SELECT id, parent_id FROM organizations WHERE division_code = ?', code))[0]!;
    const street = (await rows('kalaqin', 'SELECT * FROM organizations WHERE id = ?', community.parent_id))[0]!;
    const lead = (await rows('kalaqin', 'SELECT * FROM organizations WHERE id = ?', community.id))[0]!;
    const asOrg = (r: Record<string, unknown>) => ({ id: r.id, path: r.path, depth: r.depth, name: r.name }) as never;
    const led = await makeAlliance('kalaqin', { lead: asOrg(lead), committee: asOrg(street), status: 'active' });
    const key = await makeApiKey('kalaqin');
    const res = await post(key.key, '/v1/needs', needBody(code, `牵头优先${Date.now()}`));
    expect(res.status).toBe(201);
    const r = (await res.json()) as { allianceId: string };
    expect(r.allianceId).toBe(led.alliance.id);
    expect(r.allianceId).not.toBe(memberOf.id);
  });

  it('refuses a community no alliance serves with 422 naming body.communityCode, and stores nothing', async () => {
    const key = await makeApiKey('kalaqin');
    const county = findTenant('kalaqin')!.code;
    const title = `无人服务的社区${Date.now()}`;
    const res = await post(key.key, '/v1/needs', needBody(`${county}999999`, title), crypto.randomUUID());
    expect(res.status).toBe(422);
    const p = (await res.json()) as { code: string; errors: Array<{ path: string; message: string }> };
    expect(p.code).toBe('validation_failed');
    expect(p.errors.map((e) => e.path)).toEqual(['body.communityCode']);
    expect(p.errors[0]!.message).toContain('暂无运行中的党建联合体');
    expect(await rows('kalaqin', 'SELECT id FROM needs WHERE title = ?', title)).toHaveLength(0);
    // The refused request gave its key back: nothing is recorded under it.
    expect(await rows('kalaqin', 'SELECT key FROM idempotency_records WHERE api_key_id = ?', key.id)).toHaveLength(0);
  });

  it('cancels while not yet in a project; refuses with a named reason once cancelled, matched or under way', async () => {
    const { code } = await servedCommunity('kalaqin');
    const key = await makeApiKey('kalaqin');
    const submit = async (t: string) => ((await (await post(key.key, '/v1/needs', needBody(code, `${t}${Date.now()}`))).json()) as { ref: string }).ref;

    const fresh = await submit('可取消');
    const cancelled = await post(key.key, `/v1/needs/${fresh}/cancel`, { reason: '已自行解决' });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ ref: fresh, progress: 'cancelled', progressLabel: '已取消', status: 'cancelled' });
    const again = await post(key.key, `/v1/needs/${fresh}/cancel`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'conflict', detail: '需求已取消' });
    const audit = await rows('kalaqin', 'SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at, id', fresh);
    expect(audit.map((a) => a.action)).toEqual(['need.submit', 'need.withdraw']);

    // Matched (a unit committed in a project) and under way (in delivery): the alliance decides now.
    const matched = await submit('已匹配');
    await db('kalaqin').$client.prepare('UPDATE needs SET committed_qty = 1, status = ? WHERE id = ?').bind('partly_met', matched).run();
    const m = await post(key.key, `/v1/needs/${matched}/cancel`, {});
    expect(m.status).toBe(409);
    expect(((await m.json()) as { detail: string }).detail).toContain('已匹配到项目');
    expect((await (await call('GET', `/v1/needs/${matched}`, { headers: { authorization: `Bearer ${key.key}` } })).json()) as object).toMatchObject({ progress: 'matched' });

    const underWay = await submit('实施中');
    await db('kalaqin').$client.prepare('UPDATE needs SET in_delivery_qty = 1, status = ? WHERE id = ?').bind('partly_met', underWay).run();
    const u = await post(key.key, `/v1/needs/${underWay}/cancel`, {});
    expect(u.status).toBe(409);
    expect(((await u.json()) as { detail: string }).detail).toContain('已进入项目实施');
    expect((await (await call('GET', `/v1/needs/${underWay}`, { headers: { authorization: `Bearer ${key.key}` } })).json()) as object).toMatchObject({ progress: 'in_project' });
  });

  it('a key of another county, or another app of the same county, neither follows nor cancels the need: 404', async () => {
    const { code } = await servedCommunity('kalaqin');
    const mine = await makeApiKey('kalaqin');
    const sameCounty = await makeApiKey('kalaqin');
    const otherCounty = await makeApiKey('ningcheng');
    const ref = ((await (await post(mine.key, '/v1/needs', needBody(code, `隔离${Date.now()}`))).json()) as { ref: string }).ref;
    for (const k of [sameCounty.key, otherCounty.key]) {
      const f = await call('GET', `/v1/needs/${ref}`, { headers: { authorization: `Bearer ${k}` } });
      expect(f.status).toBe(404);
      expect(((await f.json()) as { code: string }).code).toBe('not_found');
      const c = await post(k, `/v1/needs/${ref}/cancel`, {});
      expect(c.status).toBe(404);
      await c.arrayBuffer();
    }
    expect((await rows('kalaqin', 'SELECT status FROM needs WHERE id = ?', ref))[0]).toEqual({ status: 'open' });
  });
});

describe('/v1 Idempotency-Key', () => {
  it('concurrent duplicates make exactly one need, one audit row and one event; the others replay or answer 409', async () => {
    const { code } = await servedCommunity('kalaqin');
    const key = await makeApiKey('kalaqin');
    const title = `并发点单${Date.now()}`;
    const idem = crypto.randomUUID();
    const all = await Promise.all(Array.from({ length: 6 }, () => post(key.key, '/v1/needs', needBody(code, title), idem)));
    const outcomes = await Promise.all(all.map(async (r) => ({ status: r.status, replayed: r.headers.get('idempotency-replayed'), body: (await r.json()) as Record<string, unknown> })));
    const firsts = outcomes.filter((o) => o.status === 201 && o.replayed === null);
    expect(firsts).toHaveLength(1);
    for (const o of outcomes.filter((x) => x !== firsts[0])) {
      if (o.status === 201) expect(o).toMatchObject({ replayed: 'true', body: firsts[0]!.body });
      else expect(o).toMatchObject({ status: 409, body: { code: 'conflict' } });
    }
    const made = await rows('kalaqin', 'SELECT id FROM needs WHERE title = ?', title);
    expect(made).toHaveLength(1);
    expect(await rows('kalaqin', 'SELECT id FROM audit_log WHERE entity_id = ?', made[0]!.id)).toHaveLength(1);
    expect(await rows('kalaqin', 'SELECT id FROM outbox WHERE aggregate_id = ?', made[0]!.id)).toHaveLength(1);

    // A retry after the first finished: the stored response, marked as a replay, and still one need.
    const retry = await post(key.key, '/v1/needs', needBody(code, title), idem);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    expect(await retry.json()).toEqual(firsts[0]!.body);
    expect(await rows('kalaqin', 'SELECT id FROM needs WHERE title = ?', title)).toHaveLength(1);
  });

  it('the same key with another body answers 422 naming the header; another API key may use the same key', async () => {
    const { code } = await servedCommunity('kalaqin');
    const key = await makeApiKey('kalaqin');
    const other = await makeApiKey('kalaqin');
    const idem = crypto.randomUUID();
    const title = `不同内容${Date.now()}`;
    expect((await post(key.key, '/v1/needs', needBody(code, title), idem)).status).toBe(201);
    const changed = await post(key.key, '/v1/needs', { ...needBody(code, title), quantity: 2 }, idem);
    expect(changed.status).toBe(422);
    const p = (await changed.json()) as { code: string; errors: Array<{ path: string }> };
    expect(p.code).toBe('validation_failed');
    expect(p.errors.map((e) => e.path)).toEqual(['header.idempotency-key']);
    const theirs = await post(other.key, '/v1/needs', needBody(code, title), idem);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotency-replayed')).toBeNull();
    expect(await rows('kalaqin', 'SELECT id FROM needs WHERE title = ?', title)).toHaveLength(2);
  });

  it('a record is kept 24 hours: past that, the key is free again', async () => {
    const { code } = await servedCommunity('kalaqin');
    const key = await makeApiKey('kalaqin');
    const idem = crypto.randomUUID();
    const title = `过期${Date.now()}`;
    expect((await post(key.key, '/v1/needs', needBody(code, title), idem)).status).toBe(201);
    const DAY = 24 * 60 * 60 * 1000;
    // Just inside 24 h it still replays.
    await db('kalaqin').$client.prepare('UPDATE idempotency_records SET created_at = ? WHERE api_key_id = ? AND key = ?').bind(Date.now() - DAY + 60_000, key.id, idem).run();
    const inside = await post(key.key, '/v1/needs', needBody(code, title), idem);
    expect(inside.headers.get('idempotency-replayed')).toBe('true');
    await inside.arrayBuffer();
    await db('kalaqin').$client.prepare('UPDATE idempotency_records SET created_at = ? WHERE api_key_id = ? AND key = ?').bind(Date.now() - DAY - 1000, key.id, idem).run();
    const after = await post(key.key, '/v1/needs', needBody(code, title), idem);
    expect(after.status).toBe(201);
    expect(after.headers.get('idempotency-replayed')).toBeNull();
    await after.arrayBuffer();
    expect(await rows('kalaqin', 'SELECT id FROM needs WHERE title = ?', title)).toHaveLength(2);
  });

  it('the daily sweep removes records past 24 hours and keeps younger ones', async () => {
    const key = await makeApiKey('kalaqin');
    const now = Date.now();
    const HOUR = 60 * 60 * 1000;
    for (const [k, age] of [['old', 25 * HOUR], ['young', 23 * HOUR]] as const) {
      await db('kalaqin').$client
        .prepare("INSERT INTO idempotency_records (api_key_id, key, request_hash, state, response_status, response_body, created_at) VALUES (?, ?, 'h', 'done', 201, '{}', ?)")
        .bind(key.id, k, now - age)
        .run();
    }
    const swept = await sweepIdempotency(bindings as unknown as Record<string, unknown>, { clock: { now: () => now }, tenants: [findTenant('kalaqin')!] });
    expect(swept.kalaqin).toBeGreaterThanOrEqual(1);
    expect((await rows('kalaqin', 'SELECT key FROM idempotency_records WHERE api_key_id = ?', key.id)).map((r) => r.key)).toEqual(['young']);
  });

  it('cancel is idempotent too: the retry replays 200 rather than refusing an already cancelled need', async () => {
    const { code } = await servedCommunity('kalaqin');
    const key = await makeApiKey('kalaqin');
    const ref = ((await (await post(key.key, '/v1/needs', needBody(code, `取消重试${Date.now()}`))).json()) as { ref: string }).ref;
    const idem = crypto.randomUUID();
    // No body at all: the reason is optional.
    const first = await post(key.key, `/v1/needs/${ref}/cancel`, undefined, idem);
    expect(first.status, await first.clone().text()).toBe(200);
    const retry = await post(key.key, `/v1/needs/${ref}/cancel`, undefined, idem);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await rows('kalaqin', "SELECT id FROM audit_log WHERE entity_id = ? AND action = 'need.withdraw'", ref)).toHaveLength(1);
  });

  it('an unusable key is a 422 on the header', async () => {
    const key = await makeApiKey('kalaqin');
    const res = await post(key.key, '/v1/needs', needBody('150428001001', '坏键'), 'x'.repeat(256));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toContain('header.idempotency-key');
  });
});

describe('/v1 in the API document: idempotency', () => {
  it('every /v1 POST documents the Idempotency-Key header and the replay header on its success', async () => {
    const doc = (await (await call('GET', '/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const posts = Object.entries(doc.paths).flatMap(([path, ops]) => (path.startsWith('/v1/') && ops.post ? [[path, ops.post] as const] : []));
    expect(posts.map(([p]) => p)).toEqual(expect.arrayContaining(['/v1/needs', '/v1/needs/{id}/cancel']));
    for (const [path, op] of posts) {
      expect(op.parameters?.filter((x) => x.in === 'header').map((x) => x.name.toLowerCase()), path).toContain('idempotency-key');
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'))![1];
      expect(Object.keys(ok.headers ?? {}), path).toContain('Idempotency-Replayed');
    }
  });
});
