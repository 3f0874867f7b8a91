import { commonErrors, createRouter, tenantRoute } from '@ronghe/http';
import { getStandardization } from '@ronghe/honours';
import { HonourIdParam, StandardizationSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/honours/standardizations/{id}',
  tags: ['荣誉与示范'],
  summary: '一份标准化规范化申请：自评、四评考评、佐证事实（组织生活、软弱涣散）与验收结果',
  action: 'honour.read',
  request: { params: HonourIdParam },
  responses: { 200: { description: '申请', content: { 'application/json': { schema: StandardizationSchema } } }, ...commonErrors },
});

export const getStandardizationRouter = createRouter().openapi(route, async (c) => c.json(await getStandardization({ ctx: serviceContext(c), id: c.req.valid('param').id }), 200));
