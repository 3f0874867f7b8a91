import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { assertApiKeyScope } from '@ronghe/identity';
import type { TenantEnv } from '@ronghe/http';
import type { ApiScope } from '@ronghe/schema';
import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono';

/** The scopes of the key a request presented, left by the key authentication for the scope gates. */
const scopesOfRequest = new WeakMap<Request, readonly ApiScope[]>();

export function setRequestScopes(req: Request, scopes: readonly ApiScope[]): void {
  scopesOfRequest.set(req, scopes);
}

/** The gate of one scope (ADR 0026): 403 `insufficient_scope` naming it when the key lacks it. */
export function requireScope(scope: ApiScope): MiddlewareHandler<TenantEnv> {
  return createMiddleware<TenantEnv>(async (c, next) => {
    assertApiKeyScope(scopesOfRequest.get(c.req.raw) ?? [], scope);
    await next();
  });
}

type V1RouteConfig = Omit<RouteConfig, 'x-scope'> & {
  /** The scope a key must hold: declared as `x-scope` and enforced by the route's gate (ADR 0026). */
  scope: ApiScope;
};

/**
 * Declares a `/v1` operation with its scope: the OpenAPI `x-scope` and the
 * scope gate come from the same `scope`, placed before the route's own
 * middleware (so a key without the scope is refused before any body is
 * read). `test/api/v1-scopes.test.ts` fails on a /v1 operation without one.
 */
export function v1Route<R extends V1RouteConfig>(config: R) {
  const { scope, ...route } = config;
  const own = (route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : []) as MiddlewareHandler[];
  return createRoute({
    ...(route as Omit<R, 'scope'>),
    'x-scope': scope,
    middleware: [requireScope(scope) as MiddlewareHandler, ...own] as R['middleware'] extends readonly unknown[] ? R['middleware'] : [MiddlewareHandler],
  });
}
