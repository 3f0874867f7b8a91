import { z } from '@hono/zod-openapi';
import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { issueApiKey } from '@ronghe/identity';
import { serviceContext } from '../../../lib/service-context.ts';
import { ApiKeySchema } from './schemas.ts';

const IssueBody = z
  .object({ name: z.string().trim().min(2, { message: '请填写用途名称（至少 2 个字）' }).max(60, { message: '名称不能超过 60 个字' }) })
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
  const issued = await issueApiKey({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(issued, 201, { ETag: etagOf(issued.version) });
});
