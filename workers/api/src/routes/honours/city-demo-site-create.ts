import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { designateDemoSite } from '@ronghe/honours';
import { DemoSiteCreateSchema, DemoSiteSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/city/demo-sites',
  tags: ['荣誉与示范'],
  summary: '市委组织部确定市级示范点（党建联合体或党组织，附理由与佐证）',
  action: 'honour.city',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: DemoSiteCreateSchema } }, required: true } },
  responses: { 201: { description: '示范点', content: { 'application/json': { schema: DemoSiteSchema } } }, ...writeErrors },
});

export const designateCityDemoSiteRouter = createRouter().openapi(route, async (c) => c.json(await designateDemoSite({ ctx: serviceContext(c), level: 'city', input: c.req.valid('json') }), 201));
