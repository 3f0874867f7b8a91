import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { revokeDemoSite } from '@ronghe/honours';
import { DemoSiteSchema, HonourIdParam, ReasonSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/honours/county/demo-sites/{id}/revoke',
  tags: ['荣誉与示范'],
  summary: '区委组织部撤销区级示范点（须填写理由）',
  action: 'honour.county',
  request: { params: HonourIdParam, body: { content: { 'application/json': { schema: ReasonSchema } }, required: true } },
  responses: { 200: { description: '已撤销的示范点', content: { 'application/json': { schema: DemoSiteSchema } } }, ...writeErrors },
});

export const revokeCountyDemoSiteRouter = createRouter().openapi(route, async (c) =>
  c.json(await revokeDemoSite({ ctx: serviceContext(c), level: 'county', id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
);
