import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { setAccountGrants } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { AccountParams, AccountSchema, GrantsBody } from './schemas.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/accounts/{id}/grants',
  tags: ['账号管理'],
  summary: '重新设定账号在本级的角色（需 If-Match；该账号须重新登录）',
  action: 'user.manage',
  request: { params: AccountParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: GrantsBody } }, required: true } },
  responses: {
    200: { description: '已更新', content: { 'application/json': { schema: AccountSchema } } },
    ...writeErrors,
  },
});

export const setGrantsRouter = createRouter().openapi(route, async (c) => {
  const account = await setAccountGrants({
    ctx: accountsContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), grants: c.req.valid('json').grants },
  });
  return c.json(account, 200, { ETag: etagOf(account.version) });
});
