import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listDesignations } from '@ronghe/honours';
import { DesignationListSchema, StandardizationListQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/honours/designations',
  tags: ['荣誉与示范'],
  summary: '某年度的"最强党支部"评定（含已撤销的，附撤销理由）',
  action: 'honour.read',
  request: { params: TenantParam, query: StandardizationListQuerySchema },
  responses: { 200: { description: '评定列表', content: { 'application/json': { schema: DesignationListSchema } } }, ...commonErrors },
});

export const listDesignationsRouter = createRouter().openapi(route, async (c) => c.json(await listDesignations({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
