import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { AppError } from '@ronghe/core';
import { assertApiKeyScope } from '@ronghe/identity';
import { ProblemSchema, type TenantEnv } from '@ronghe/http';
import { API_SCOPE_LABELS, type ApiScope } from '@ronghe/schema';
import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';

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

/**
 * A deprecated `/v1` operation (ADR 0030): deprecated from `since`, answering
 * 410 `sunset` from `sunset` on (both days start at 00:00 Asia/Shanghai), with
 * an optional successor path. At least six months between the two.
 */
export interface V1Deprecation {
  since: string;
  sunset: string;
  successor?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** 00:00 Asia/Shanghai of a `YYYY-MM-DD` day, in epoch ms. */
export function shanghaiMidnight(day: string): number {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00+08:00`))) throw new Error(`not a day: ${day}`);
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** The same day six calendar months later (the policy's shortest notice, ADR 0030). */
function sixMonthsAfter(day: string): string {
  shanghaiMidnight(day);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + 6, d)).toISOString().slice(0, 10);
}

/** The response headers of a deprecated operation: RFC 9745 `Deprecation`, RFC 8594 `Sunset`, RFC 8288 `Link`. */
export function deprecationHeaders(d: V1Deprecation): Record<string, string> {
  const h: Record<string, string> = {
    Deprecation: `@${Math.floor(shanghaiMidnight(d.since) / 1000)}`,
    Sunset: new Date(shanghaiMidnight(d.sunset)).toUTCString(),
  };
  if (d.successor) h.Link = `<${d.successor}>; rel="successor-version"`;
  return h;
}

/** Before the sunset: the headers on every answer (errors too). From the sunset on: 410 `sunset`. */
function deprecationGate(d: V1Deprecation): MiddlewareHandler<TenantEnv> {
  const headers = deprecationHeaders(d);
  const sunsetAt = shanghaiMidnight(d.sunset);
  return createMiddleware<TenantEnv>(async (c, next) => {
    if (c.get('clock').now() >= sunsetAt) {
      const hint = d.successor ? `，请改用 ${d.successor}` : '';
      throw new AppError('sunset', `该接口已于 ${d.sunset} 停用${hint}`, { extra: { sunset: d.sunset, ...(d.successor ? { successor: d.successor } : {}) } });
    }
    await next();
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
  });
}

type V1RouteConfig = Omit<RouteConfig, 'x-scope' | 'deprecated'> & {
  /** The scope a key must hold: declared as `x-scope` and enforced by the route's gate (ADR 0026). */
  scope: ApiScope;
  /** Deprecation and sunset (ADR 0030): `deprecated: true` in the document, the headers, then 410. */
  deprecated?: V1Deprecation;
};

// ── examples ──────────────────────────────────────────────────────────────

const PROBLEM_EXAMPLES: Record<string, { code: string; title: string; detail: string; extra?: Record<string, unknown> }> = {
  '400': { code: 'malformed_request', title: '请求格式错误', detail: '请求体不是合法的 JSON' },
  '401': { code: 'unauthenticated', title: '未登录或登录已过期', detail: '缺少或无效的接口密钥' },
  '403': { code: 'insufficient_scope', title: '接口密钥未获此权限', detail: '' },
  '404': { code: 'not_found', title: '对象不存在', detail: '对象不存在或无权访问' },
  '409': { code: 'conflict', title: '操作与当前状态冲突', detail: '与当前状态冲突，请查询最新状态后再操作' },
  '410': { code: 'sunset', title: '接口已停用', detail: '该接口已于 2027-06-01 停用' },
  '412': { code: 'precondition_failed', title: '数据已被他人修改', detail: '数据已被他人修改，请刷新后重试' },
  '413': { code: 'payload_too_large', title: '请求体过大', detail: '请求体超过允许的大小' },
  '422': { code: 'validation_failed', title: '提交的数据未通过校验', detail: '请根据字段提示修改后重新提交' },
  '428': { code: 'precondition_required', title: '缺少 If-Match 请求头', detail: '缺少 If-Match 请求头' },
  '429': { code: 'rate_limited', title: '请求过于频繁', detail: '接口调用过于频繁，请稍后再试' },
};

const ID_PREFIXES: Record<string, string> = { orgs: 'org', alliances: 'aln', 'red-routes': 'rrt', needs: 'ned', projects: 'prj', activities: 'act', resources: 'res' };
/** An id of the kind the path's first segment lists, for the example's `instance`. */
function exampleIdFor(path: string): string {
  return `${ID_PREFIXES[path.split('/')[1] ?? ''] ?? 'obj'}_01jd8w2k3m4n5p6q7r8s9t0v1w`;
}

/** The problem+json example of one status, as the server renders it (packages/http renderProblem). */
function problemExample(status: string, path: string, scope: ApiScope): Record<string, unknown> | undefined {
  const p = PROBLEM_EXAMPLES[status];
  if (!p) return undefined;
  const extra: Record<string, unknown> = {};
  let detail = p.detail;
  if (p.code === 'insufficient_scope') {
    detail = `该接口密钥没有“${API_SCOPE_LABELS[scope]}”（${scope}）权限`;
    extra.requiredScope = scope;
  }
  const body: Record<string, unknown> = {
    ...extra,
    type: `urn:ronghe:problem:${p.code}`,
    title: p.title,
    status: Number(status),
    detail,
    code: p.code,
    instance: `/v1${path.replace(/\{\w+\}/g, exampleIdFor(path))}`,
    requestId: 'req_01jd8w2k3m4n5p6q7r8s9t0v1x',
  };
  if (p.code === 'validation_failed') body.errors = [{ path: 'body.communityCode', message: '社区区划代码须为 12 位数字' }];
  return body;
}

/** Examples that do not parse with their own schema (the document test fails on any). */
const exampleProblems: string[] = [];
export function v1ExampleProblems(): readonly string[] {
  return exampleProblems;
}

function checkExample(where: string, schema: unknown, example: unknown): void {
  if (example === undefined || !schema || typeof (schema as ZodType).safeParse !== 'function') return;
  const r = (schema as ZodType).safeParse(example);
  if (!r.success) exampleProblems.push(`${where}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
}

type Media = { schema?: unknown; example?: unknown; examples?: unknown };
type Responses = Record<string, { content?: Record<string, Media>; headers?: unknown; description: string }>;

/**
 * Fills what every /v1 operation shows in its document: each problem+json
 * response gets the example the server would render for its status (403
 * naming this route's scope), and a deprecated route's success answers list
 * the deprecation headers. Examples written on the route are checked
 * against their schemas.
 */
function documented(config: { method: string; path: string; responses: Responses; request?: RouteConfig['request'] }, scope: ApiScope, d?: V1Deprecation): Responses {
  const where = `${config.method.toUpperCase()} ${config.path}`;
  for (const [type, media] of Object.entries(config.request?.body?.content ?? {})) checkExample(`${where} request ${type}`, (media as Media).schema, (media as Media).example);
  const out: Responses = {};
  for (const [status, res] of Object.entries(config.responses)) {
    let r = res;
    const problem = res.content?.['application/problem+json'];
    if (problem && problem.example === undefined && problem.examples === undefined) {
      const example = problemExample(status, config.path, scope);
      if (example) r = { ...res, content: { ...res.content, 'application/problem+json': { ...problem, example } } };
    }
    for (const [type, media] of Object.entries(r.content ?? {})) if (type !== 'application/problem+json') checkExample(`${where} ${status} ${type}`, media.schema, media.example);
    if (d && status.startsWith('2')) {
      r = {
        ...r,
        headers: {
          ...(r.headers as object),
          Deprecation: { description: `已弃用（自 ${d.since} 起，RFC 9745）`, schema: { type: 'string' } },
          Sunset: { description: `停用时间（${d.sunset} 起返回 410，RFC 8594）`, schema: { type: 'string' } },
          ...(d.successor ? { Link: { description: `替代接口 ${d.successor}（rel="successor-version"）`, schema: { type: 'string' } } } : {}),
        },
      };
    }
    out[status] = r;
  }
  if (d && !out['410']) {
    const hint = d.successor ? `，请改用 ${d.successor}` : '';
    const example = { ...problemExample('410', config.path, scope), detail: `该接口已于 ${d.sunset} 停用${hint}`, sunset: d.sunset, ...(d.successor ? { successor: d.successor } : {}) };
    out['410'] = { description: `已停用：${d.sunset} 起返回 410 sunset（ADR 0030）`, content: { 'application/problem+json': { schema: ProblemSchema, example } } };
  }
  return out;
}

/**
 * Declares a `/v1` operation with its scope: the OpenAPI `x-scope` and the
 * scope gate come from the same `scope`, placed before the route's own
 * middleware (so a key without the scope is refused before any body is
 * read). `test/api/v1-scopes.test.ts` fails on a /v1 operation without one.
 * A `deprecated` operation (ADR 0030) is marked in the document, sends
 * `Deprecation` / `Sunset` / `Link` on every answer, and answers 410 from its
 * sunset on — checked first, before the scope.
 */
export function v1Route<R extends V1RouteConfig>(config: R) {
  const { scope, deprecated, ...route } = config;
  const own = (route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : []) as MiddlewareHandler[];
  const gates = [...(deprecated ? [deprecationGate(deprecated)] : []), requireScope(scope)] as MiddlewareHandler[];
  if (deprecated && deprecated.sunset < sixMonthsAfter(deprecated.since)) {
    exampleProblems.push(`${route.method.toUpperCase()} ${route.path}: sunset less than six months after deprecation (ADR 0030)`);
  }
  return createRoute({
    ...(route as Omit<R, 'scope' | 'deprecated'>),
    responses: documented(route as never, scope, deprecated) as R['responses'],
    ...(deprecated ? { deprecated: true } : {}),
    'x-scope': scope,
    middleware: [...gates, ...own] as R['middleware'] extends readonly unknown[] ? R['middleware'] : [MiddlewareHandler],
  });
}
