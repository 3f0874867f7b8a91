import { z } from '@hono/zod-openapi';
import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { issueApiKey } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { API_SCOPES } from '@ronghe/schema';
import { ApiKeySchema } from './schemas.ts';

const IssueBody = z
  .object({
    name: z.string().trim().min(2, { message: '请填写用途名称（至少 2 个字）' }).max(60, { message: '名称不能超过 60 个字' }),
    scopes: z
      .array(z.enum(API_SCOPES, { message: '权限范围不在可选之列' }), { message: '请选择权限范围' })
      .min(1, { message: '请至少选择一项权限' })
      .max(API_SCOPES.length, { message: '权限范围重复' }),
    expiresOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '有效期截止日须为 YYYY-MM-DD 格式的日期' })
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: '有效期截止日不是有效日期' })
      .nullable()
      .optional()
      .openapi({ description: '有效期截止日（含当天，北京时间）；不填为长期有效' }),
  })
  .strict()
  .openapi('ApiKeyIssue');

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/api-keys',
  tags: ['开放接口密钥'],
  summary: '签发开放接口密钥（密钥明文只返回这一次）',
  action: 'api_key.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: IssueBody } }, required: true } },
  responses: {
    201: {
      description: '已签发',
      content: { 'application/json': { schema: ApiKeySchema.extend({ key: z.string() }).openapi('ApiKeyIssued') } },
    },
    ...writeErrors,
  },
});

export const issueApiKeyRouter = createRouter().openapi(route, async (c) => {
  const issued = await issueApiKey({ ctx: accountsContext(c), input: c.req.valid('json') });
  return c.json(issued, 201, { ETag: etagOf(issued.version) });
});
