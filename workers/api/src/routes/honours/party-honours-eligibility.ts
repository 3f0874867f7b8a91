import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { honoursEligibility } from '@ronghe/honours';
import { HonoursEligibilitySchema, YearQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/honours/party-honours-eligibility',
  tags: ['荣誉与示范'],
  summary: '评先评优资格：本年度达到标准化规范化的党支部（"最强党支部"优先）',
  action: 'honour.read',
  request: { params: TenantParam, query: YearQuerySchema },
  responses: { 200: { description: '可参评的党支部', content: { 'application/json': { schema: HonoursEligibilitySchema } } }, ...commonErrors },
});

export const honoursEligibilityRouter = createRouter().openapi(route, async (c) => c.json(await honoursEligibility({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
