import { createEdgeApp } from '../../workers/edge/src/index.ts';
import { worker } from './worker.ts';

/**
 * The operations the deployable actually serves, read from the Hono app's own
 * route table (not from the OpenAPI document, which a plain `app.get(...)`
 * never reaches), joined with what the document declares for each: its
 * matrix action, who may call it (scope), whether it takes If-Match, and the
 * media type of its body. The cross-cutting suites iterate this set.
 */
export type Scope = 'tenant' | 'city' | 'apikey' | 'session' | 'public';

export interface Operation {
  /** `METHOD /path/{param}` in the document's spelling. */
  key: string;
  method: string;
  path: string;
  /** The matrix action the route declares (`x-action`). */
  action: string;
  scope: Scope;
  /** The operation declares an `if-match` header parameter. */
  ifMatch: boolean;
  /** Media type of the declared request body; null when the route takes none. */
  body: 'json' | 'xlsx' | null;
}

/**
 * Mounted routes that are deliberately not API operations, with the reason.
 * Anything else the app serves must be in the document and have a route case.
 */
export const NOT_OPERATIONS: Record<string, string> = {
  'GET /healthz': 'the platform liveness probe: no auth, no tenant, no data',
  'GET /openapi.json': 'the API document itself',
  'GET /docs': 'the HTML reader of the API document (static page)',
  'GET /v1/openapi.json': 'the /v1 API document itself (ADR 0030)',
  'GET /v1/docs': 'the HTML reader of the /v1 document (static page)',
  'GET /v1/changelog': 'the /v1 changelog (static Markdown)',
};

/**
 * Hono lists `use` middleware as method ALL. These are the ones the app is
 * known to install; an ALL entry outside this list would be a handler
 * registered with `app.all(...)`, which the suites could not aim at, so the
 * coverage guard fails on it.
 */
export const MIDDLEWARE_MOUNTS = new Set(['/*', '/api/*', '/api/me/*', '/api/me', '/api/tenants', '/api/auth/logout', '/api/t/:tenant/*', '/v1/*']);

const honoToDoc = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Every method+path with a handler in the edge app (middleware excluded), deduplicated. */
export function mountedRoutes(): { routes: Array<{ key: string; method: string; path: string }>; strayAll: string[] } {
  const app = createEdgeApp();
  const seen = new Map<string, { key: string; method: string; path: string }>();
  const strayAll: string[] = [];
  for (const r of app.routes) {
    if (r.method === 'ALL') {
      if (!MIDDLEWARE_MOUNTS.has(r.path)) strayAll.push(r.path);
      continue;
    }
    const path = honoToDoc(r.path);
    const key = `${r.method} ${path}`;
    if (!seen.has(key)) seen.set(key, { key, method: r.method, path });
  }
  return { routes: [...seen.values()], strayAll };
}

interface DocOperation {
  'x-action'?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, unknown> };
}

/**
 * Who may call an operation, from its declaration: a declared API-key
 * security scheme or a /v1 path is the public API; /api/t/{tenant}/… is a
 * county's; /api/city/… the city's; an operation declaring no security, or
 * the `public` action (login), needs nothing; the rest need a staff session.
 */
export function scopeOf(path: string, op: DocOperation): Scope {
  if (op.security?.some((s) => 'apiKey' in s) || path.startsWith('/v1/')) return 'apikey';
  if (path.startsWith('/api/t/{tenant}/')) return 'tenant';
  if (path.startsWith('/api/city/')) return 'city';
  if ((op.security && op.security.length === 0) || op['x-action'] === 'public') return 'public';
  return 'session';
}

function bodyOf(op: DocOperation): Operation['body'] {
  const types = Object.keys(op.requestBody?.content ?? {});
  if (types.includes('application/json')) return 'json';
  if (types.some((t) => t.includes('spreadsheetml'))) return 'xlsx';
  return null;
}

export interface Coverage {
  /** Every mounted operation (the allowlist left out), as the document declares it. */
  ops: Operation[];
  /** Mounted, not allowlisted, but missing from the document. */
  undocumented: string[];
  /** In the document, but nothing serves it. */
  unmounted: string[];
  /** Method-ALL entries that are not known middleware. */
  strayAll: string[];
  /** Allowlisted non-operations that are no longer mounted (the list must not outlive its routes). */
  staleAllowlist: string[];
}

/** The mounted operations, each joined with its document entry. */
export async function mountedOperations(): Promise<Coverage> {
  // Two documents: the management API's and /v1's own (ADR 0030).
  const docs = await Promise.all(['/openapi.json', '/v1/openapi.json'].map(async (p) => (await (await worker.fetch(new Request(`http://x${p}`))).json()) as { paths: Record<string, Record<string, DocOperation>> }));
  const declared = new Map<string, DocOperation>();
  for (const [path, item] of docs.flatMap((doc) => Object.entries(doc.paths))) {
    for (const [method, op] of Object.entries(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) declared.set(`${method.toUpperCase()} ${path}`, op);
    }
  }
  const { routes, strayAll } = mountedRoutes();
  const ops: Operation[] = [];
  const undocumented: string[] = [];
  for (const r of routes) {
    if (r.key in NOT_OPERATIONS) continue;
    const op = declared.get(r.key);
    if (!op) {
      undocumented.push(r.key);
      // Still an operation the suites must aim at: without a document entry it is a session route with no action.
      ops.push({ ...r, action: '', scope: scopeOf(r.path, {}), ifMatch: false, body: null });
      continue;
    }
    ops.push({
      ...r,
      action: op['x-action'] ?? '',
      scope: scopeOf(r.path, op),
      ifMatch: (op.parameters ?? []).some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
      body: bodyOf(op),
    });
  }
  const mounted = new Set(routes.map((r) => r.key));
  const unmounted = [...declared.keys()].filter((k) => !mounted.has(k));
  const staleAllowlist = Object.keys(NOT_OPERATIONS).filter((k) => !mounted.has(k));
  return { ops, undocumented, unmounted, strayAll, staleAllowlist };
}
