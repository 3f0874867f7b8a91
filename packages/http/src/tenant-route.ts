import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Action } from '@ronghe/identity';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit, ORIGINAL_MEDIA_TYPES, PHOTO_MEDIA_TYPES, XLSX } from './body-limit.ts';
import type { TenantEnv } from './env.ts';
import { authorize } from './middleware.ts';

/** Every tenant route lives under the county it acts in; `tenantScope` is mounted there. */
export type TenantPath = `/t/{tenant}/${string}`;

export type TenantRouteConfig<P extends TenantPath> = Omit<RouteConfig, 'path' | 'middleware' | 'x-action'> & {
  path: P;
  /** The matrix action: declared as `x-action` and required by the route's authorization gate. */
  action: Action;
  /** Other actions whose holders may also attempt the route (the business function decides by the target). */
  alsoAllowed?: readonly Action[];
  /**
   * `xlsx`: the route takes an Excel workbook as its body (declared in the
   * contract) and accepts up to `BODY_LIMITS.xlsx`. Otherwise the body, if
   * any, is JSON and limited to `BODY_LIMITS.json`. `original`: a scanned
   * document (PDF/PNG/JPG) up to `BODY_LIMITS.original`.
   */
  body?: 'xlsx' | 'original' | 'photo';
};

/** The route's own `request` declaration (absent: none). */
type RequestOf<R> = R extends { request: infer Q } ? Q : undefined;

type TenantMiddleware = [MiddlewareHandler<TenantEnv>, MiddlewareHandler<TenantEnv>];

/** The binary body of a spreadsheet upload: the workbook parser, not zod, is its validator. */
const XLSX_BODY = { content: { [XLSX]: { schema: { type: 'string' as const, format: 'binary' } } }, required: true };

/** The binary body of a scanned original: its first bytes, not zod, decide what it is (ADR 0017). */
const ORIGINAL_BODY = {
  content: Object.fromEntries(ORIGINAL_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string' as const, format: 'binary' } }])),
  required: true,
};
/** The binary body of an activity photo (JPEG/PNG by its first bytes). */
const PHOTO_BODY = {
  content: Object.fromEntries(PHOTO_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string' as const, format: 'binary' } }])),
  required: true,
};
const BINARY_BODIES = { xlsx: XLSX_BODY, original: ORIGINAL_BODY, photo: PHOTO_BODY } as const;

/**
 * Declares a tenant route from one action string: the OpenAPI `x-action`
 * and the authorization middleware come from the same `action`, and the
 * route's body limit from its `body` kind. Handlers of the route see
 * `TenantEnv` (db, tenant, actor).
 */
export function tenantRoute<P extends TenantPath, R extends TenantRouteConfig<P>>(config: R) {
  const { action, alsoAllowed = [], body, ...route } = config;
  const middleware: TenantMiddleware = [bodyLimit<TenantEnv>(body ?? 'json'), authorize(action, ...alsoAllowed)];
  return createRoute({
    ...route,
    // The workbook body is not a zod schema, so it adds no typed input: the route's own request types stand.
    request: (body ? { ...route.request, body: BINARY_BODIES[body] } : route.request) as RequestOf<R>,
    'x-action': action,
    middleware,
  });
}
