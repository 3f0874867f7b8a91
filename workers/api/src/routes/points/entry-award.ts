import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { awardPoints } from '@ronghe/points';
import { ManualAwardSchema, PointEntrySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/points/entries',
  tags: ['积分'],
  summary: '手工加分：按规则记入积分（须有规则允许的角色，必要时填写理由；超过封顶的部分不计）',
  action: 'points.award',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: ManualAwardSchema } }, required: true } },
  responses: { 201: { description: '记入的积分明细', content: { 'application/json': { schema: PointEntrySchema } } }, ...writeErrors },
});

export const awardPointsRouter = createRouter().openapi(route, async (c) => c.json(await awardPoints({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
