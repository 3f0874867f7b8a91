import { AppError, isStaleGuardError, type FieldError } from '@ronghe/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** RFC 9457 body. `code` is the stable machine key; `title`/`detail` are Chinese. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export function zodIssuesToFieldErrors(error: ZodError, target: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [target, ...issue.path.map(String)].join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `不允许的字段：${issue.keys.join('、')}`;
    }
    return { path, message };
  });
}

/**
 * What a unique index guards, in words a user reads: the field it names
 * (when one field of the request body carries it) and the Chinese detail.
 * Keyed by SQLite's own wording of the constraint: `table.col[, table.col]`.
 */
const UNIQUE_LABELS: Record<string, { path?: string; detail: string }> = {
  'list_categories.name': { path: 'body.name', detail: '同名的类别已存在' },
  'match_rejections.need_id, match_rejections.resource_id': { detail: '该对接建议已被拒绝，记录已存在' },
  'alliance_members.alliance_id, alliance_members.org_id': { path: 'body.orgId', detail: '该组织已是联合体的在册成员，记录已存在' },
  'project_claims.project_id, project_claims.org_id': { detail: '该组织对此项目已有进行中的认领，记录已存在' },
  'users.username': { path: 'body.username', detail: '该用户名已存在' },
  'people.id_number': { path: 'body.idNumber', detail: '该身份证号已登记在另一人员名下' },
  'people.user_id': { path: 'body.userId', detail: '该账号已关联其他人员，一个账号只能关联一名人员' },
};

/**
 * A unique-index violation anywhere below (two identical requests racing past
 * their pre-checks) is the client's conflict, never a 500: mapped here, once,
 * for every route. Callers that expect a particular violation (a duplicate
 * claim, an already consumed event) catch it first with their own words.
 */
export function uniqueViolation(err: unknown): AppError | null {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const m = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/.exec(String((e as Error).message ?? e));
    if (!m) continue;
    const label = UNIQUE_LABELS[m[1]!];
    const detail = label?.detail ?? '同样的记录已存在，请勿重复提交';
    return new AppError('conflict', detail, label?.path ? { errors: [{ path: label.path, message: detail }] } : {});
  }
  return null;
}

export function problemFromError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // A guarded batch a route forgot to wrap in runGuarded is still a stale write, not a server fault.
  if (isStaleGuardError(err)) return new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  const unique = uniqueViolation(err);
  if (unique) return unique;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('payload_too_large', '请求体超过允许的大小');
    if (err.status === 400) {
      const raw = err.message || '';
      if (/json/i.test(raw)) {
        return new AppError('malformed_request', '请求体不是合法的 JSON', {
          errors: [{ path: 'body', message: '请求体不是合法的 JSON' }],
        });
      }
      return new AppError('malformed_request', '请求格式错误');
    }
    if (err.status === 401) return new AppError('unauthenticated');
    if (err.status === 404) return new AppError('not_found', '请求的资源不存在');
    if (err.status === 415) return new AppError('unsupported_media_type');
    return new AppError('malformed_request', err.message || '请求格式错误');
  }
  return new AppError('internal', '服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号');
}

// The renderer serves every router, whatever its env; all it reads is the request id.
export function renderProblem(c: Context, error: AppError): Response {
  const requestId: string = c.get('requestId') ?? '';
  // Extra members come first: RFC 9457's own members (status above all) must never be overwritten by them.
  const body: Problem = {
    ...error.extra,
    type: `urn:ronghe:problem:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    instance: new URL(c.req.url).pathname,
    requestId,
  };
  if (error.errors.length) body.errors = error.errors;
  return new Response(JSON.stringify(body), {
    status: error.status as ContentfulStatusCode,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'x-request-id': requestId },
  });
}

/** The one error handler every worker installs. */
export function onError(err: unknown, c: Context): Response {
  const appError = problemFromError(err);
  if (appError.status >= 500) {
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'unhandled error',
        requestId: c.get('requestId'),
        path: new URL(c.req.url).pathname,
        error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      }),
    );
  }
  return renderProblem(c, appError);
}
