import { createRouter, etagOf, tenantRoute, writeErrors } from '@ronghe/http';
import { proposeAdjustment } from '@ronghe/alliance';
import { AdjustmentCreateSchema, AllianceDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { AllianceParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/alliances/{id}/adjustments',
  tags: ['党建联合体'],
  summary: '提出调整（成员加入/退出、类型变更、牵头党组织变更），由审批的上级党(工)委决定',
  action: 'alliance.adjust',
  request: { params: AllianceParams, body: { content: { 'application/json': { schema: AdjustmentCreateSchema } }, required: true } },
  responses: {
    201: { description: '已提出', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
    ...writeErrors,
  },
});

export const proposeAdjustmentRouter = createRouter().openapi(route, async (c) => {
  const a = await proposeAdjustment({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, adjustment: c.req.valid('json') } });
  return c.json(a, 201, { ETag: etagOf(a.version) });
});
