import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { revokeStrongest } from '@ronghe/honours';
import { DesignationSchema, HonourIdParam, ReasonSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/city/designations/{id}/revoke',
  tags: ['荣誉与示范'],
  summary: '市委组织部撤销市级"最强党支部"评定（须填写理由，记入支部历史）',
  action: 'honour.city',
  request: { params: HonourIdParam, body: { content: { 'application/json': { schema: ReasonSchema } }, required: true } },
  responses: { 200: { description: '已撤销的评定', content: { 'application/json': { schema: DesignationSchema } } }, ...writeErrors },
});

export const revokeCityDesignationRouter = createRouter().openapi(route, async (c) =>
  c.json(await revokeStrongest({ ctx: serviceContext(c), level: 'city', id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);
