import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { designateDemoSite } from '@ronghe/honours';
import { DemoSiteCreateSchema, DemoSiteSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/county/demo-sites',
  tags: ['荣誉与示范'],
  summary: '区委组织部确定区级示范点（党建联合体或党组织，附理由与佐证）',
  action: 'honour.county',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: DemoSiteCreateSchema } }, required: true } },
  responses: { 201: { description: '示范点', content: { 'application/json': { schema: DemoSiteSchema } } }, ...writeErrors },
});

export const designateCountyDemoSiteRouter = createRouter().openapi(route, async (c) => c.json(await designateDemoSite({ ctx: serviceContext(c), level: 'county', input: c.req.valid('json') }), 201));
