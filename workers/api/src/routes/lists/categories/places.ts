import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listPlaces } from '@ronghe/lists';
import { serviceContext } from '../../../lib/service-context.ts';

const PlaceSchema = z
  .object({ code: z.string(), name: z.string(), level: z.enum(['street', 'community']), parentCode: z.string().nullable() })
  .openapi('Place');

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/places',
  tags: ['清单类别'],
  summary: '本旗县区的街道（苏木乡镇）与社区（嘎查村），供选择需求和资源的地点',
  action: 'list.read',
  request: { params: TenantParam },
  responses: { 200: { description: '地点', content: { 'application/json': { schema: z.array(PlaceSchema) } } }, ...commonErrors },
});

export const placesRouter = createRouter().openapi(route, async (c) => c.json(await listPlaces({ ctx: serviceContext(c) }), 200));
