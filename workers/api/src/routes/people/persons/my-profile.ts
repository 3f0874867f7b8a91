import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { myProfile } from '@ronghe/people';
import { MyProfileSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/my/profile',
  tags: ['我的'],
  summary: '我的：本人信息、所在党支部和所在的党建联合体（一方隶属、多方共管）',
  action: 'my.read',
  request: { params: TenantParam },
  responses: {
    200: { description: '本人信息', content: { 'application/json': { schema: MyProfileSchema } } },
    ...commonErrors,
  },
});

export const myProfileRouter = createRouter().openapi(route, async (c) => {
  return c.json(await myProfile({ ctx: serviceContext(c) }), 200);
});
