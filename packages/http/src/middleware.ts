import { AppError, newId, openDb, systemClock, type Clock } from '@ronghe/core';
import { allows, effectiveGrants, holdsCityAdmin, mayAttempt, resolveSession, sessionCache, type Action, type Target } from '@ronghe/identity';
import { findTenant } from '@ronghe/tenancy';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, TenantEnv, TenantVariables } from './env.ts';

/** The request log names the tenant when a tenant scope set one, and runs on every route. */
type LoggedEnv = { Bindings: AppEnv['Bindings']; Variables: AppEnv['Variables'] & Partial<TenantVariables> };

const SLOW_REQUEST_MS = 1000;

/** Request id (honouring a sane incoming one), structured log of notable requests, and the clock. */
export function requestContext(opts: { clock?: Clock } = {}) {
  return createMiddleware<LoggedEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : newId('req');
    c.set('requestId', requestId);
    c.set('clock', opts.clock ?? systemClock);
    const started = Date.now();
    await next();
    c.res.headers.set('x-request-id', requestId);
    // Workers observability already records every invocation; the structured line is for what
    // someone will look for: failures, refusals and slow requests (and it costs a round trip
    // through the log pipeline under `wrangler dev`).
    const ms = Date.now() - started;
    if (c.res.status < 400 && ms < SLOW_REQUEST_MS) return;
    if (c.env.APP_ENV === 'test' && c.res.status < 500) return;
    console.log(
      JSON.stringify({
        level: c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'info',
        msg: 'request',
        requestId,
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        status: c.res.status,
        ms,
        tenant: c.get('tenant')?.slug,
        user: c.get('session')?.user.id,
      }),
    );
  });
}

/**
 * Headers every response of the worker carries, successes, problems and 404s
 * alike: `nosniff`, so a browser never runs as script or renders as HTML a
 * body whose declared type says otherwise (an export, a problem+json, a
 * JSON string someone typed). The admin UI's static files get theirs,
 * CSP included, from workers/admin-ui/public/_headers.
 */
export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
  });
}

/** Opens the control database for identity lookups. */
export const controlDb = createMiddleware<AppEnv>(async (c, next) => {
  c.set('control', openDb(c.env.DB_CONTROL));
  await next();
});

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1]! : null;
}

/**
 * Requires a valid staff session. Resolved sessions are reused for a few
 * seconds per isolate (`sessionCache`, ADR 0032): most requests then cost no
 * control-database round trip.
 */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearer(c.req.header('authorization'));
  if (!token) throw new AppError('unauthenticated', '请先登录');
  const session = await resolveSession({ db: c.get('control'), clock: c.get('clock'), cache: sessionCache }, token);
  if (!session) throw new AppError('unauthenticated', '登录已过期，请重新登录');
  c.set('session', session);
  await next();
});

/**
 * Resolves `:tenant` against the registry and the session's grants, and puts
 * that tenant's database on the context. A tenant the user holds no role in
 * looks missing (404), exactly like an unknown one.
 */
export const tenantScope = createMiddleware<TenantEnv>(async (c, next) => {
  const slug = c.req.param('tenant') ?? '';
  const tenant = findTenant(slug);
  const session = c.get('session');
  if (!tenant || !session) throw new AppError('not_found', '该旗县区不存在或无权访问');
  const isCityAdmin = holdsCityAdmin(session.user.grants);
  const own = session.user.grants
    .filter((g) => g.tenant === tenant.slug && g.role !== 'city_admin')
    .map((g) => ({ role: g.role, scopeOrgId: g.scopeOrgId, scopeAllianceId: g.scopeAllianceId }));
  const grants = isCityAdmin ? [{ role: 'city_admin' as const, scopeOrgId: null, scopeAllianceId: null }, ...own] : own;
  if (grants.length === 0) throw new AppError('not_found', '该旗县区不存在或无权访问');
  const d1 = c.env[tenant.binding] as D1Database | undefined;
  if (!d1) throw new Error(`binding ${tenant.binding} missing from wrangler.toml`);
  c.set('tenant', { slug: tenant.slug, code: tenant.code, name: tenant.name, kind: tenant.kind });
  c.set('db', openDb(d1));
  c.set('actor', {
    userId: session.user.id,
    displayName: session.user.displayName,
    grants: effectiveGrants(grants, tenant.kind),
  });
  await next();
});

/**
 * Route-level gate: the actor must hold some role the matrix lists for the
 * action (or for one of `alternatives`, when a route serves two kinds of
 * caller, e.g. a supervision note and its reply). Target-scoped checks
 * (subtree, own org) happen in the business function, which knows the target.
 * Routes get it from `tenantRoute`, which also declares the action.
 */
export function authorize(action: Action, ...alternatives: Action[]) {
  return createMiddleware<TenantEnv>(async (c, next) => {
    const actor = c.get('actor');
    if (![action, ...alternatives].some((a) => mayAttempt(actor, a))) throw new AppError('forbidden', '当前角色无权执行此操作');
    await next();
  });
}

export function assertAllowed(actor: import('@ronghe/core').Actor, action: Action, target?: Target): void {
  if (!allows(actor, action, target)) throw new AppError('forbidden', '当前角色无权对该对象执行此操作');
}
