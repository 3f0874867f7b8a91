import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getAlliance } from '@ronghe/alliance';
import { AllianceDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { AllianceParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/alliances/{id}',
  tags: ['党建联合体'],
  summary: '联合体详情：成员（含历史）、议事机构、文书、调整、时间轴、尚缺条件与可执行操作',
  action: 'alliance.read',
  request: { params: AllianceParams },
  responses: {
    200: { description: '联合体', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
    ...commonErrors,
  },
});

export const getAllianceRouter = createRouter().openapi(route, async (c) => {
  const a = await getAlliance({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
