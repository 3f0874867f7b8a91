import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listAccounts } from '@ronghe/identity';
import { accountsContext } from '../../../lib/service-context.ts';
import { AccountSchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/accounts',
  tags: ['账号管理'],
  summary: '本级账号（在本旗县区有角色的账号；电话脱敏）',
  action: 'user.manage',
  request: { params: TenantParam },
  responses: {
    200: { description: '账号列表', content: { 'application/json': { schema: z.object({ items: z.array(AccountSchema) }) } } },
    ...commonErrors,
  },
});

export const listAccountsRouter = createRouter().openapi(route, async (c) => {
  return c.json({ items: await listAccounts({ ctx: accountsContext(c) }) }, 200);
});
