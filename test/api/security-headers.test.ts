import { describe, expect, it } from 'vitest';
import { call, makeApiKey, makeUser } from '../support/factories.ts';
import { mountedRoutes } from '../support/mounted-routes.ts';
import { worker } from '../support/worker.ts';

// `X-Content-Type-Options: nosniff` on every response the worker makes:
// successes, problems, 404s, the API document and its reader. (The admin UI's
// static files get theirs from workers/admin-ui/public/_headers, checked in
// test/repo/admin-ui-headers.node.test.ts.)
const T = 'balinyou';

const nosniff = (res: Response) => res.headers.get('x-content-type-options');

describe('nosniff on every response of the worker', () => {
  it('the liveness probe, an API success, a public API success, the document and its reader', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const key = await makeApiKey(T);
    const cases: Array<[string, Response, number]> = [
      ['/healthz', await call('GET', '/healthz'), 200],
      ['API 200', await call('GET', `/api/t/${T}/orgs`, { token: admin.token }), 200],
      ['public API 200', await call('GET', '/v1/orgs', { headers: { authorization: `Bearer ${key.key}` } }), 200],
      ['/openapi.json', await call('GET', '/openapi.json'), 200],
      ['/docs', await call('GET', '/docs'), 200],
    ];
    for (const [what, res, status] of cases) {
      expect(res.status, what).toBe(status);
      expect(nosniff(res), what).toBe('nosniff');
    }
  });

  it('a problem+json refusal and a 404 of an unknown path', async () => {
    const unauth = await call('GET', `/api/t/${T}/orgs`);
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(nosniff(unauth)).toBe('nosniff');

    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const invalid = await call('POST', `/api/t/${T}/list-categories`, { token: admin.token, body: { name: '' } });
    expect(invalid.status).toBe(422);
    expect(nosniff(invalid)).toBe('nosniff');

    // An unknown path outside the API, an unknown API path and a missing object, each signed in where it needs to be.
    for (const path of ['/nothing-here', '/api/no-such-thing', `/api/t/${T}/orgs/org_no_such_org`]) {
      const res = await call('GET', path, { token: admin.token });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toBe('application/problem+json; charset=utf-8');
      expect(nosniff(res), path).toBe('nosniff');
    }
  });

  it('every mounted route, whatever it answers a caller without credentials', async () => {
    const { routes } = mountedRoutes();
    expect(routes.length).toBeGreaterThan(50);
    for (const r of routes) {
      const path = r.path.replace('{tenant}', T).replace(/\{\w+\}/g, 'x_missing');
      const res = await worker.fetch(new Request(`http://x${path}`, { method: r.method }));
      expect(nosniff(res), `${r.key} → ${res.status}`).toBe('nosniff');
    }
  });
});
