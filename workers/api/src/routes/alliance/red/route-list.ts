import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listRedRoutes } from '@ronghe/alliance';
import { RedRouteSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { RedListQuery } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/red-routes',
  tags: ['红色风景线与片区'],
  summary: '红色风景线列表',
  action: 'red.read',
  request: { params: TenantParam, query: RedListQuery },
  responses: { 200: { description: '红色风景线', content: { 'application/json': { schema: z.object({ items: z.array(RedRouteSchema) }) } } }, ...commonErrors },
});

export const listRoutesRouter = createRouter().openapi(route, async (c) => {
  return c.json({ items: await listRedRoutes({ ctx: serviceContext(c), input: c.req.valid('query') }) }, 200);
});
