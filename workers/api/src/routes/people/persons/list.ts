import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listPersonRows, personView } from '@ronghe/people';
import { PersonListQuerySchema, PersonSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/people',
  tags: ['人员'],
  summary: '人员列表（按姓名拼音排序，筛选、游标分页；手机号打码，从不返回身份证号）',
  action: 'person.read',
  request: { params: TenantParam, query: PersonListQuerySchema },
  responses: {
    200: {
      description: '一页人员（只含当前角色可见范围内的人员）',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(PersonSchema), nextCursor: z.string().nullable(), total: z.number().int() }).openapi('PersonPage'),
        },
      },
    },
    ...commonErrors,
  },
});

export const listPeopleRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const page = await listPersonRows(ctx, c.req.valid('query'));
  return c.json({ items: page.rows.map((r) => personView(r, ctx.actor, { list: true })), nextCursor: page.nextCursor, total: page.total }, 200);
});
