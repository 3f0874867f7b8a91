import type { AllianceStatus, Organization, ProjectStatus } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { call, makeFixture, makeOrg, makeUser, snapshotCounts } from '../support/factories.ts';
import { operations, ROUTE_CASES, type Fixture } from '../support/route-cases.ts';
import { worker } from '../support/worker.ts';

// Every route of the OpenAPI document, aimed by county A's administrator at
// county B's objects, must answer 404 and leave county B untouched.
const ops = await operations(() => worker.fetch(new Request('http://x/openapi.json')));
const A = 'hongshan';
const B = 'aohan';

const fixture = (tenant: string, target: Partial<Organization> = {}, alliance?: AllianceStatus, project?: ProjectStatus): Promise<Fixture> =>
  makeFixture(tenant, target, alliance, project);

describe('tenant isolation', () => {
  it('every operation in the API document has an isolation case', () => {
    const missing = ops.filter((o) => !ROUTE_CASES[o.key]).map((o) => o.key);
    expect(missing, `add these routes to test/support/route-cases.ts`).toEqual([]);
  });

  for (const op of ops.filter((o) => ROUTE_CASES[o.key]?.scope === 'tenant')) {
    it(`${op.key}: county A cannot reach county B`, async () => {
      // County A's most privileged staff: its administrator, also on one of its street committees
      // and a liaison there (member-only routes such as claims), so no route can stop the request
      // on role alone before it reaches county B's objects.
      const aStreet = await makeOrg(A, { kind: '党工委', domain: '街道' });
      const admin = await makeUser([
        { tenant: A, role: 'county_admin' },
        { tenant: A, role: 'committee_reviewer', scopeOrgId: aStreet.id },
        { tenant: A, role: 'org_liaison', scopeOrgId: aStreet.id },
      ]);
      const b = await fixture(B, ROUTE_CASES[op.key]!.target, ROUTE_CASES[op.key]!.alliance, ROUTE_CASES[op.key]!.project);
      const before = await snapshotCounts(B);

      // 1. Through county B's own path.
      const viaB = await ROUTE_CASES[op.key]!.build(b);
      const r1 = await call(viaB.method, viaB.path, { token: admin.token, body: viaB.body, rawBody: viaB.rawBody, headers: viaB.headers });
      expect(r1.status, `${viaB.method} ${viaB.path}`).toBe(404);
      expect(r1.headers.get('content-type')).toContain('application/problem+json');

      // 2. Through county A's path, naming county B's objects.
      if (op.path.includes('{id}')) {
        const viaA = await ROUTE_CASES[op.key]!.build({ ...b, tenant: A });
        const r2 = await call(viaA.method, viaA.path, { token: admin.token, body: viaA.body, rawBody: viaA.rawBody, headers: viaA.headers });
        expect(r2.status, `${viaA.method} ${viaA.path}`).toBe(404);
      }
      expect(await snapshotCounts(B)).toEqual(before);
    });
  }

  for (const op of ops.filter((o) => ROUTE_CASES[o.key]?.scope === 'apikey')) {
    it(`${op.key}: county A's API key cannot reach county B`, async () => {
      const a = await fixture(A);
      const b = await fixture(B);
      const before = await snapshotCounts(B);
      // County A's key, county B's objects.
      const req = await ROUTE_CASES[op.key]!.build({ ...b, apiKey: a.apiKey });
      const res = await call(req.method, req.path, { headers: req.headers, body: req.body });
      if (op.path.includes('{id}')) expect(res.status).toBe(404);
      else if (req.method !== 'GET') {
        // A write naming county B's alliance with county A's key: that alliance does not exist for A.
        expect(res.status, await res.clone().text()).toBe(422);
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
    expect(unknown.status).toBe(404);
    expect(foreign.status).toBe(404);
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
    expect(write.status).toBe(403);
    expect(await snapshotCounts(B)).toEqual(before);
  });
});
