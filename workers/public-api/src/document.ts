import { OpenAPIHono } from '@hono/zod-openapi';
import { createPublicApi } from './index.ts';
export { V1_CHANGELOG } from './changelog.md.ts';

/**
 * The OpenAPI 3.1 document of `/v1` alone (ADR 0030), built from the public
 * API's router and nothing else: the management API keeps `/openapi.json`.
 * The same function serves `GET /v1/openapi.json` and, in Node, feeds
 * `pnpm client:generate` (packages/client), so the served document and the
 * typed client cannot differ.
 */
export const V1_DOCUMENT_VERSION = '1.5.0';

export function buildV1Document() {
  const app = new OpenAPIHono().route('/v1', createPublicApi());
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'rhk_…',
    description:
      '旗县区管理员（或市级管理员，全市只读）签发的开放接口密钥（rhk_…），放在 Authorization: Bearer 请求头中。每个接口在 x-scope 中声明所需权限范围：密钥未获该权限时返回 403 insufficient_scope（requiredScope 给出所需权限），密钥过期时返回 401 api_key_expired（ADR 0026）。',
  });
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: '融合党建开放接口 v1',
      version: V1_DOCUMENT_VERSION,
      description: [
        '赤峰市融合党建平台面向第三方应用（居民小程序、大屏、政务系统）的开放接口。',
        '',
        '- 认证：`Authorization: Bearer rhk_…`，密钥属于一个旗县区（或市级，全市只读），只能访问本旗县区的数据。',
        '- 错误：均为 RFC 9457 `application/problem+json`，`code` 为稳定的机器可读代码，`errors` 给出每个字段的原因。',
        '- 写操作：每个 POST 可带 `Idempotency-Key`（新提交用新的 UUID，重试时沿用），重放的应答带 `Idempotency-Replayed: true`（ADR 0027）。',
        '- 限流：按密钥每分钟 120 次，超出返回 429 与 `Retry-After`（ADR 0015）。',
        '- 回调：订阅事件见 docs/webhooks.md，签名头 `Ronghe-Signature`（ADR 0028）。',
        '- 版本：v1 内只增加字段和接口；弃用的接口带 `Deprecation` / `Sunset` 响应头，至少提前 6 个月通知，停用后返回 410（ADR 0030）。变更记录见 /v1/changelog。',
      ].join('\n'),
      contact: { name: '赤峰市委组织部 融合党建平台（接口密钥由所在旗县区委组织部签发）' },
    },
    servers: [
      { url: '/', description: '本服务' },
      { url: 'http://127.0.0.1:8787', description: '本地开发（pnpm start）' },
    ],
    security: [{ apiKey: [] }],
  });
}

let cached: ReturnType<typeof buildV1Document> | undefined;
/** The document as served (built once per isolate: routes are fixed at build time). */
export function v1Document() {
  cached ??= buildV1Document();
  return cached;
}
