// A type-level test, checked by `tsc` (tsconfig includes packages/*/src) and
// never run: what the Hono context holds where. Each `@ts-expect-error` fails
// the type check if the line below it ever compiles.
import { createRoute } from '@hono/zod-openapi';
import type { Actor, TenantDb, TenantRef } from '@ronghe/core';
import { createRouter } from './openapi.ts';
import { tenantRoute } from './tenant-route.ts';
import type { TenantEnv } from './env.ts';

const meRoute = createRoute({ method: 'get', path: '/me', 'x-action': 'session', responses: { 204: { description: '' } } });

export function sessionRouteHasNoTenant() {
  return createRouter().openapi(meRoute, (c) => {
    // @ts-expect-error a session route has no tenant database: `db` exists only under /t/:tenant/*.
    c.get('db');
    // @ts-expect-error nor a tenant.
    c.get('tenant');
    // @ts-expect-error nor an actor (roles are per tenant).
    c.get('actor');
    // @ts-expect-error not through `c.var` either.
    void c.var.db;
    // What every route has.
    const requestId: string = c.get('requestId');
    void requestId;
    return c.body(null, 204);
  });
}

const orgsRoute = tenantRoute({ method: 'get', path: '/t/{tenant}/orgs', action: 'org.read', responses: { 204: { description: '' } } });

export function tenantRouteHasItsTenant() {
  return createRouter().openapi(orgsRoute, (c) => {
    const db: TenantDb = c.get('db');
    const tenant: TenantRef = c.get('tenant');
    const actor: Actor = c.var.actor;
    void [db, tenant, actor];
    return c.body(null, 204);
  });
}

export function tenantRouterHasItsTenant() {
  return createRouter<TenantEnv>().get('/t/:tenant/orgs', (c) => c.json(c.get('tenant').slug));
}

export function tenantRouteLivesUnderATenant() {
  // @ts-expect-error a tenant route's path starts with /t/{tenant}/, where tenantScope sets db, tenant and actor.
  return tenantRoute({ method: 'get', path: '/me', action: 'org.read', responses: { 204: { description: '' } } });
}

export function tenantRouteNamesAMatrixAction() {
  // @ts-expect-error the action must be a row of the role matrix.
  return tenantRoute({ method: 'get', path: '/t/{tenant}/orgs', action: 'org.anything', responses: { 204: { description: '' } } });
}
