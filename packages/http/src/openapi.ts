import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '@ronghe/core';
import type { Env } from 'hono';
import type { AppEnv } from './env.ts';
import { MatchCache } from './match-cache.ts';
import { onError, zodIssuesToFieldErrors } from './problem.ts';

/**
 * Every router is created here so validation failures render the same way
 * everywhere. Routers default to `AppEnv` (no tenant on the context); a
 * tenant route gets `TenantEnv` from `tenantRoute`'s middleware, and a router
 * whose every route is tenant-scoped (the public API) may say
 * `createRouter<TenantEnv>()`.
 */
export function createRouter<E extends Env = AppEnv>() {
  const app = new OpenAPIHono<E>({
    // Each path's match kept per isolate: the routes' trie is walked once per path, not per request.
    router: new MatchCache(),
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('validation_failed', '请根据字段提示修改后重新提交', {
          errors: zodIssuesToFieldErrors(result.error, result.target),
        });
      }
    },
  });
  app.onError(onError);
  return app;
}

/** A router of routes, as a capability's router list holds them (`routes/<capability>/index.ts`). */
export type Router<E extends Env = AppEnv> = OpenAPIHono<E>;

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          row: z.number().int().optional(),
          column: z.string().optional(),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Error responses every authenticated route can give; spread into `responses`. */
export const commonErrors = {
  400: problem('请求格式错误（如非法 JSON）'),
  401: problem('未登录或登录已过期'),
  403: problem('当前角色无权执行此操作'),
  404: problem('对象不存在或无权访问'),
  422: problem('字段校验失败，errors 给出每个字段的原因'),
} as const;

export const writeErrors = {
  ...commonErrors,
  409: problem('与当前状态冲突'),
  412: problem('If-Match 与当前版本不符：数据已被他人修改'),
  413: problem('请求体过大'),
  428: problem('缺少 If-Match 请求头'),
} as const;

/**
 * The answer of a rate-limited route (ADR 0015): 429 problem+json whose
 * `Retry-After` says in how many seconds to try again, with the window's
 * `RateLimit-*` counts. Spread into `responses` next to the other errors.
 */
export const rateLimitedErrors = {
  429: {
    description: '调用过于频繁（按接口密钥计数，每分钟 120 次，见 ADR 0015）；Retry-After 给出需等待的秒数',
    headers: {
      'Retry-After': { description: '多少秒后可以重试', schema: { type: 'integer' as const, minimum: 1 } },
      'RateLimit-Limit': { description: '当前窗口允许的次数', schema: { type: 'integer' as const } },
      'RateLimit-Remaining': { description: '当前窗口剩余次数（被拒绝时为 0）', schema: { type: 'integer' as const } },
      'RateLimit-Reset': { description: '当前窗口结束前的秒数', schema: { type: 'integer' as const } },
    },
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
} as const;

export const TenantParam = z.object({
  tenant: z
    .string()
    .max(40)
    .openapi({ param: { name: 'tenant', in: 'path' }, example: 'hongshan', description: '旗县区标识（见 /api/tenants）' }),
});

export const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .max(40)
    .optional()
    .openapi({ param: { name: 'if-match', in: 'header' }, description: '读取时返回的 ETag', example: '"v3"' }),
});
