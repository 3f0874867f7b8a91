import { MATRIX, type Action } from '@ronghe/identity';
import { ROLES, type Role } from '@ronghe/schema';
import { describe, expect, it } from 'vitest';
import { call, makeFixture, makeUser, type GrantSpec } from '../support/factories.ts';
import { mountedOperations } from '../support/mounted-routes.ts';
import { ROUTE_CASES, type Fixture } from '../support/route-cases.ts';
import { OPERATION_ACTIONS } from '../spec/operation-actions.ts';
import { ROLE_ACTIONS, roleHolds } from '../spec/role-actions.ts';

// Table-driven: every tenant route × every role. The expectation comes from
// the hand-written tables in test/spec (operation → action, role × action),
// never from MATRIX, so a grant changed in the code alone fails. Scoped roles
// hold their grant on the target's parent (reviewer) or the target itself
// (liaison), so a refusal can only come from the role check.
// The operations the app mounts whose scope (read from the route's declaration) is a county or the city.
const coverage = await mountedOperations();
const ops = coverage.ops.filter((o) => (o.scope === 'tenant' || o.scope === 'city') && ROUTE_CASES[o.key]);
// Mounted today: 97 county operations and the city rollup.
const MIN_ROLE_OPS = 98;
const T = 'ningcheng';

function grantFor(role: Role, f: Fixture): GrantSpec {
  if (role === 'city_admin') return { tenant: 'chifeng', role };
  if (role === 'committee_reviewer') return { tenant: T, role, scopeOrgId: f.parent.id };
  if (role === 'org_liaison' || role === 'alliance_admin') return { tenant: T, role, scopeOrgId: f.org.id };
  return { tenant: T, role };
}

describe('role × route matrix', () => {
  it('covers every mounted county and city operation', () => {
    expect(coverage.undocumented, 'mounted but not in the API document').toEqual([]);
    expect(coverage.strayAll, 'handlers registered for every method (app.all)').toEqual([]);
    const scoped = coverage.ops.filter((o) => o.scope === 'tenant' || o.scope === 'city');
    expect(scoped.filter((o) => !ROUTE_CASES[o.key]).map((o) => o.key), 'add these routes to test/support/route-cases.ts').toEqual([]);
    expect(ops.length).toBeGreaterThanOrEqual(MIN_ROLE_OPS);
  });

  it('every tenant route declares a matrix action', () => {
    const undeclared = ops.filter((o) => !(o.action in MATRIX)).map((o) => `${o.key} (x-action: ${o.action || '—'})`);
    expect(undeclared).toEqual([]);
  });

  // A fixture is some hundred rows; one per operation and role made this the slowest suite. A read,
  // or a request that must be refused, changes nothing, so every such case of one fixture shape
  // shares one world; an allowed write gets its own (a second write on the same objects could fail
  // for another reason).
  const shared = new Map<string, Promise<Fixture>>();
  const fixture = (key: string, fresh: boolean): Promise<Fixture> => {
    const c = ROUTE_CASES[key]!;
    const make = () => makeFixture(T, c.target, c.alliance, c.project);
    if (fresh) return make();
    const shape = JSON.stringify([c.target ?? {}, c.alliance ?? null, c.project ?? null]);
    if (!shared.has(shape)) shared.set(shape, make());
    return shared.get(shape)!;
  };

  for (const op of ops) {
    for (const role of ROLES) {
      const intended = OPERATION_ACTIONS[op.key];
      const allowed = intended !== undefined && intended in ROLE_ACTIONS && roleHolds(intended as Action, role);
      it(`${op.key} as ${role} → ${allowed ? 'allowed' : '403'}`, async () => {
        const f: Fixture = await fixture(op.key, allowed && !op.key.startsWith('GET '));
        const user = await makeUser([grantFor(role, f)]);
        const req = await ROUTE_CASES[op.key]!.build(f, user);
        const res = await call(req.method, req.path, { token: user.token, body: req.body, rawBody: req.rawBody, headers: req.headers });
        if (allowed) {
          expect(res.status, await res.clone().text()).toBeLessThan(300);
        } else {
          expect(res.status).toBe(403);
          expect(((await res.json()) as { code: string }).code).toBe('forbidden');
        }
      });
    }
  }
});
