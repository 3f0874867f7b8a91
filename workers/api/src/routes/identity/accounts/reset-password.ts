import { z } from '@hono/zod-openapi';
import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { resetAccountPassword } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { AccountParams, AccountSchema } from './schemas.ts';

const Body = z
  .object({ newPassword: z.string().min(1, { message: '请输入新密码' }).max(128, { message: '密码长度不能超过 128 位' }) })
  .strict()
  .openapi('AccountPasswordReset');

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/accounts/{id}/reset-password',
  tags: ['账号管理'],
  summary: '重置密码并解除锁定（需 If-Match；该账号所有会话失效）',
  action: 'user.manage',
  request: { params: AccountParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    200: { description: '已重置', content: { 'application/json': { schema: AccountSchema } } },
    ...writeErrors,
  },
});

export const resetPasswordRouter = createRouter().openapi(route, async (c) => {
  const account = await resetAccountPassword({
    ctx: accountsContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), newPassword: c.req.valid('json').newPassword },
  });
  return c.json(account, 200, { ETag: etagOf(account.version) });
});
