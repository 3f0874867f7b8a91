import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listDemoSites } from '@ronghe/honours';
import { DemoSiteListSchema, YearQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/honours/demo-sites',
  tags: ['荣誉与示范'],
  summary: '某年度的示范点（区级、市级；含已撤销的）',
  action: 'honour.read',
  request: { params: TenantParam, query: YearQuerySchema },
  responses: { 200: { description: '示范点列表', content: { 'application/json': { schema: DemoSiteListSchema } } }, ...commonErrors },
});

export const listDemoSitesRouter = createRouter().openapi(route, async (c) => c.json(await listDemoSites({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
