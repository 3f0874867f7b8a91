import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listRedDistricts } from '@ronghe/alliance';
import { RedDistrictSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { RedListQuery } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/red-districts',
  tags: ['红色风景线与片区'],
  summary: '红色片区列表',
  action: 'red.read',
  request: { params: TenantParam, query: RedListQuery },
  responses: { 200: { description: '红色片区', content: { 'application/json': { schema: z.object({ items: z.array(RedDistrictSchema) }) } } }, ...commonErrors },
});

export const listDistrictsRouter = createRouter().openapi(route, async (c) => {
  return c.json({ items: await listRedDistricts({ ctx: serviceContext(c), input: c.req.valid('query') }) }, 200);
});
