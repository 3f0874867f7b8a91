import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { strongestEligibility } from '@ronghe/honours';
import { StrongestEligibilityQuerySchema, StrongestEligibilitySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/honours/strongest/eligibility',
  tags: ['荣誉与示范'],
  summary: '"最强党支部"逐条核验：每条规则是否满足及其说明',
  action: 'honour.read',
  request: { params: TenantParam, query: StrongestEligibilityQuerySchema },
  responses: { 200: { description: '核验结果', content: { 'application/json': { schema: StrongestEligibilitySchema } } }, ...commonErrors },
});

export const strongestEligibilityRouter = createRouter().openapi(route, async (c) => c.json(await strongestEligibility({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
