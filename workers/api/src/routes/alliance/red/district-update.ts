import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateRedDistrict } from '@ronghe/alliance';
import { RedDistrictSchema, RedDistrictUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { RedParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/red-districts/{id}',
  tags: ['红色风景线与片区'],
  summary: '修改红色片区（含归档）',
  action: 'red.manage',
  request: { params: RedParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: RedDistrictUpdateSchema } }, required: true } },
  responses: { 200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: RedDistrictSchema } } }, ...writeErrors },
});

export const updateDistrictRouter = createRouter().openapi(route, async (c) => {
  const v = await updateRedDistrict({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(v, 200, { ETag: etagOf(v.version) });
});
