import type { AllianceStatus, Organization, ProjectStatus } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { call, makeFixture, makeUser, snapshotCounts } from '../support/factories.ts';
import { BODILESS_WRITES, operations, ROUTE_CASES, type Fixture } from '../support/route-cases.ts';
import { worker } from '../support/worker.ts';

// Every write route, fed malformed JSON, unknown fields, wrong enums and
// types, over-long strings and a stale ETag: a clear 4xx problem and no change.
const ops = (await operations(() => worker.fetch(new Request('http://x/openapi.json')))).filter((o) => o.method !== 'GET');
const T = 'linxi';

// The county administrator who also sits on the fixture's approving committee
// and is its organization's liaison, so that every route (the committee's
// decisions and a member's own claims included) reaches its validation.
async function setup(target: Partial<Organization> = {}, alliance?: AllianceStatus, project?: ProjectStatus): Promise<{ token: string; f: Fixture }> {
  const f = await makeFixture(T, target, alliance, project);
  const admin = await makeUser([
    { tenant: T, role: 'county_admin' },
    { tenant: T, role: 'committee_reviewer', scopeOrgId: f.parent.id },
    { tenant: T, role: 'org_liaison', scopeOrgId: f.org.id },
  ]);
  return { token: admin.token, f };
}

async function expectRefused(res: Response, status: number[] = [400, 415, 422]) {
  expect(status, await res.clone().text()).toContain(res.status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const p = (await res.json()) as { title: string; detail: string; code: string };
  expect(p.title).toMatch(/[\u4e00-\u9fa5]/);
  expect(p.code).toBeTruthy();
  return p;
}

describe('bad input on every write route', () => {
  it('every write route has bad-input cases (or is bodiless)', () => {
    const missing = ops.filter((o) => {
      const c = ROUTE_CASES[o.key];
      return !c || (!c.bad && !BODILESS_WRITES.has(o.key));
    });
    expect(missing.map((o) => o.key)).toEqual([]);
  });

  for (const op of ops) {
    const c = ROUTE_CASES[op.key];
    if (!c?.bad) continue;
    it(`${op.key}: malformed JSON → 400`, async () => {
      const { token, f } = await setup(c.target, c.alliance, c.project);
      const req = await c.build(f);
      const before = await snapshotCounts(T);
      // API-key routes carry their key in the case's headers; a session token would replace it.
      const res = await call(req.method, req.path, { token: c.scope === 'apikey' ? undefined : token, rawBody: '{"name": ', headers: { ...req.headers, 'content-type': 'application/json' } });
      const p = await expectRefused(res, [400]);
      expect(p.code).toBe('malformed_request');
      expect(await snapshotCounts(T)).toEqual(before);
    });
    for (const [name, body] of Object.entries(c.bad)) {
      it(`${op.key}: ${name} → 4xx with field errors`, async () => {
        const { token, f } = await setup(c.target, c.alliance, c.project);
        const req = await c.build(f);
        const before = await snapshotCounts(T);
        const res = await call(req.method, req.path, { token: c.scope === 'apikey' ? undefined : token, body, headers: req.headers });
        const p = (await expectRefused(res, [400, 401, 422])) as { errors?: Array<{ path: string; message: string }> };
        if (res.status === 422) expect(p.errors?.length).toBeGreaterThan(0);
        expect(await snapshotCounts(T)).toEqual(before);
      });
    }
  }

  for (const op of ops.filter((o) => ROUTE_CASES[o.key]?.ifMatch)) {
    it(`${op.key}: stale ETag → 412, missing If-Match → 428`, async () => {
      const { token, f } = await setup(ROUTE_CASES[op.key]!.target, ROUTE_CASES[op.key]!.alliance, ROUTE_CASES[op.key]!.project);
      const req = await ROUTE_CASES[op.key]!.build(f);
      const before = await snapshotCounts(T);
      const stale = await call(req.method, req.path, { token, body: req.body, headers: { ...req.headers, 'if-match': '"v99"' } });
      expect(stale.status).toBe(412);
      const none = await call(req.method, req.path, { token, body: req.body, headers: {} });
      expect(none.status).toBe(428);
      expect(await snapshotCounts(T)).toEqual(before);
    });
  }

  it('an oversized body is refused with 413 and changes nothing', async () => {
    const { token } = await setup();
    const before = await snapshotCounts(T);
    const res = await call('POST', `/api/t/${T}/orgs`, { token, rawBody: JSON.stringify({ name: 'x'.repeat(300_000) }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(await snapshotCounts(T)).toEqual(before);
  });
});
