import type { AllianceStatus, Organization, ProjectStatus } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { call, makeFixture, makeOrg, makeUser, snapshotCounts } from '../support/factories.ts';
import { mountedOperations } from '../support/mounted-routes.ts';
import { ROUTE_CASES, type Fixture } from '../support/route-cases.ts';

// Every route the app mounts, aimed by county A's administrator at county B's
// objects, must answer 404 not_found and leave county B untouched.
const coverage = await mountedOperations();
const ops = coverage.ops;
const A = 'hongshan';
const B = 'aohan';

// A floor under the operations that name a county's objects (under /api/t/{tenant} and /v1): it only ever rises.
const MIN_ISOLATION_OPS = 106;
// The only mounted operations that name no county's objects, so have nothing to isolate:
// login/logout and the caller's own account, the tenants the caller holds, and the city rollup
// (city_admin only, read across counties by design; role-matrix covers who may read it).
const NOT_COUNTY_SCOPED = ['POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/me', 'POST /api/me/password', 'GET /api/tenants', 'GET /api/city/overview', 'GET /api/city/rollup', 'GET /api/city/rollup/counties/{slug}', 'GET /api/city/open-data/xlsx', 'GET /api/city/open-data/csv/{topic}', 'GET /api/city/filings', 'POST /api/city/filings/acknowledge', 'GET /api/public/ratings/{token}', 'POST /api/public/ratings/{token}'];

async function expectProblem(res: Response, status: number, code: string, label: string): Promise<{ errors?: Array<{ path: string; message: string }> }> {
  const text = await res.clone().text();
  expect(res.status, `${label}: ${text}`).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const p = (await res.json()) as { code: string; errors?: Array<{ path: string; message: string }> };
  expect(p.code, `${label}: ${text}`).toBe(code);
  return p;
}

// Every case here asserts that county B is left exactly as it was, so the cases of one fixture shape
// share one world (a case that changed it fails itself); a fixture per case made this suite slow.
const worlds = new Map<string, Promise<Fixture>>();
const fixture = (tenant: string, target: Partial<Organization> = {}, alliance?: AllianceStatus, project?: ProjectStatus): Promise<Fixture> => {
  const key = JSON.stringify([tenant, target, alliance ?? null, project ?? null]);
  if (!worlds.has(key)) worlds.set(key, makeFixture(tenant, target, alliance, project));
  return worlds.get(key)!;
};

describe('tenant isolation', () => {
  it('every mounted operation is documented and has an isolation case', () => {
    expect(coverage.undocumented, 'mounted but not in the API document').toEqual([]);
    expect(coverage.unmounted, 'in the API document but not mounted').toEqual([]);
    expect(coverage.strayAll, 'handlers registered for every method (app.all)').toEqual([]);
    expect(coverage.staleAllowlist, 'allowlisted as not an operation, but no longer mounted').toEqual([]);
    expect(ops.filter((o) => !ROUTE_CASES[o.key]).map((o) => o.key), `add these routes to test/support/route-cases.ts`).toEqual([]);
    const aimed = ops.filter((o) => o.scope === 'tenant' || o.scope === 'apikey');
    expect(aimed.length).toBeGreaterThanOrEqual(MIN_ISOLATION_OPS);
    expect(ops.filter((o) => o.scope !== 'tenant' && o.scope !== 'apikey').map((o) => o.key).sort()).toEqual([...NOT_COUNTY_SCOPED].sort());
  });

  for (const op of ops.filter((o) => o.scope === 'tenant' && ROUTE_CASES[o.key])) {
    it(`${op.key}: county A cannot reach county B`, async () => {
      // County A's most privileged staff: its administrator, also on one of its street committees
      // and a liaison there (member-only routes such as claims), so no route can stop the request
      // on role alone before it reaches county B's objects.
      const aStreet = await makeOrg(A, { kind: '党工委', domain: '街道' });
      const admin = await makeUser([
        { tenant: A, role: 'county_admin' },
        { tenant: A, role: 'committee_reviewer', scopeOrgId: aStreet.id },
        { tenant: A, role: 'org_liaison', scopeOrgId: aStreet.id },
        // …and a member, for the self-service routes under /my (报到领岗).
        { tenant: A, role: 'member' },
      ]);
      const b = await fixture(B, ROUTE_CASES[op.key]!.target, ROUTE_CASES[op.key]!.alliance, ROUTE_CASES[op.key]!.project);
      const before = await snapshotCounts(B);

      // 1. Through county B's own path.
      const viaB = await ROUTE_CASES[op.key]!.build(b);
      const r1 = await call(viaB.method, viaB.path, { token: admin.token, body: viaB.body, rawBody: viaB.rawBody, headers: viaB.headers });
      await expectProblem(r1, 404, 'not_found', `${viaB.method} ${viaB.path}`);

      // 2. Through county A's path, naming county B's objects.
      if (op.path.includes('{id}')) {
        const viaA = await ROUTE_CASES[op.key]!.build({ ...b, tenant: A });
        const r2 = await call(viaA.method, viaA.path, { token: admin.token, body: viaA.body, rawBody: viaA.rawBody, headers: viaA.headers });
        // Issue 12: the city's own routes (honour.city) are refused to county A's staff by role, before any lookup —
        // a 403 that says nothing about county B's object (the city itself acts in every county by design).
        if (op.path.includes('/honours/city/')) await expectProblem(r2, 403, 'forbidden', `${viaA.method} ${viaA.path}`);
        else await expectProblem(r2, 404, 'not_found', `${viaA.method} ${viaA.path}`);
      }
      expect(await snapshotCounts(B)).toEqual(before);
    });
  }

  for (const op of ops.filter((o) => o.scope === 'apikey' && ROUTE_CASES[o.key])) {
    it(`${op.key}: county A's API key cannot reach county B`, async () => {
      const a = await fixture(A);
      const b = await fixture(B);
      const before = await snapshotCounts(B);
      // County A's key, county B's objects.
      const req = await ROUTE_CASES[op.key]!.build({ ...b, apiKey: a.apiKey });
      const res = await call(req.method, req.path, { headers: req.headers, body: req.body });
      if (op.path.includes('{id}')) await expectProblem(res, 404, 'not_found', `${req.method} ${req.path}`);
      else if (req.method !== 'GET') {
        // A write naming county B's alliance with county A's key: that alliance does not exist for A,
        // so the field that names it is refused (a body field, not the path: 422, not 404).
        const p = await expectProblem(res, 422, 'validation_failed', `${req.method} ${req.path}`);
        expect(p.errors?.map((e) => e.path)).toEqual(['body.allianceId']);
      } else {
        // A list answers with county A's own things: none of county B's may appear.
        expect(res.status).toBe(200);
        const text = await res.text();
        for (const id of [b.org.id, b.parent.id, b.alliance.alliance.id, b.alliance2.alliance.id, b.route.id, b.district.id, b.need.id, b.resource.id, b.project.project.id]) {
          expect(text).not.toContain(id);
        }
      }
      expect(await snapshotCounts(B)).toEqual(before);
    });
  }

  it('an unknown tenant looks exactly like a foreign one', async () => {
    const admin = await makeUser([{ tenant: A, role: 'county_admin' }]);
    const unknown = await call('GET', '/api/t/atlantis/orgs', { token: admin.token });
    const foreign = await call('GET', `/api/t/${B}/orgs`, { token: admin.token });
    await expectProblem(unknown.clone(), 404, 'not_found', 'unknown tenant');
    await expectProblem(foreign.clone(), 404, 'not_found', 'foreign tenant');
    const [u, f] = (await Promise.all([unknown.json(), foreign.json()])) as Array<{ code: string; detail: string }>;
    expect({ code: u!.code, detail: u!.detail }).toEqual({ code: f!.code, detail: f!.detail });
  });

  it('a city admin reads a county but cannot change it', async () => {
    const city = await makeUser([{ tenant: 'chifeng', role: 'city_admin' }]);
    const b = await fixture(B);
    const read = await call('GET', `/api/t/${B}/orgs/${b.org.id}`, { token: city.token });
    expect(read.status).toBe(200);
    const before = await snapshotCounts(B);
    const write = await call('PATCH', `/api/t/${B}/orgs/${b.org.id}`, { token: city.token, body: { memberCount: 1 }, headers: { 'if-match': '"v1"' } });
    await expectProblem(write, 403, 'forbidden', 'city admin writing a county');
    expect(await snapshotCounts(B)).toEqual(before);
  });
});
