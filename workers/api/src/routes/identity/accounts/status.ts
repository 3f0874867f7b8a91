import { z } from '@hono/zod-openapi';
import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { setAccountStatus } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { AccountParams, AccountSchema } from './schemas.ts';

const Body = z
  .object({ status: z.enum(['active', 'disabled'], { message: '状态须为 active 或 disabled' }) })
  .strict()
  .openapi('AccountStatus');

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/accounts/{id}/status',
  tags: ['账号管理'],
  summary: '停用或启用账号（需 If-Match）',
  action: 'user.manage',
  request: { params: AccountParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    200: { description: '已更新', content: { 'application/json': { schema: AccountSchema } } },
    ...writeErrors,
  },
});

export const accountStatusRouter = createRouter().openapi(route, async (c) => {
  const account = await setAccountStatus({
    ctx: accountsContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), status: c.req.valid('json').status },
  });
  return c.json(account, 200, { ETag: etagOf(account.version) });
});
