import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { myRatable } from '@ronghe/assessment';
import { MyRatableSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/my/ratings',
  tags: ['考核评价'],
  summary: '我的评议：本人所在党组织参加的联合体中正在考核、可以评议的，以及本人已作出的评价',
  action: 'rating.self',
  request: { params: TenantParam },
  responses: { 200: { description: '可评议的考核', content: { 'application/json': { schema: z.array(MyRatableSchema) } } }, ...commonErrors },
});

export const myRatableRouter = createRouter().openapi(route, async (c) => c.json(await myRatable({ ctx: serviceContext(c) }), 200));
