import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getRedDistrict } from '@ronghe/alliance';
import { RedDistrictSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { RedParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/red-districts/{id}',
  tags: ['红色风景线与片区'],
  summary: '红色片区详情',
  action: 'red.read',
  request: { params: RedParams },
  responses: { 200: { description: '红色片区', headers: ETagHeader, content: { 'application/json': { schema: RedDistrictSchema } } }, ...commonErrors },
});

export const getDistrictRouter = createRouter().openapi(route, async (c) => {
  const v = await getRedDistrict({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(v, 200, { ETag: etagOf(v.version) });
});
