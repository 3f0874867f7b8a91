import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createAccount } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { AccountSchema, CreateAccountBody } from './schemas.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/accounts',
  tags: ['账号管理'],
  summary: '新建账号并授予本级角色',
  action: 'user.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: CreateAccountBody } }, required: true } },
  responses: {
    201: { description: '已创建', content: { 'application/json': { schema: AccountSchema } } },
    ...writeErrors,
  },
});

export const createAccountRouter = createRouter().openapi(route, async (c) => {
  const account = await createAccount({ ctx: accountsContext(c), input: c.req.valid('json') });
  return c.json(account, 201, { ETag: etagOf(account.version) });
});
