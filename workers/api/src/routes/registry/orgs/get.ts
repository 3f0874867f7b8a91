import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getOrg } from '@ronghe/registry';
import { OrganizationSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { OrgParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/orgs/{id}',
  tags: ['党组织'],
  summary: '党组织详情（带 ETag）',
  action: 'org.read',
  request: { params: OrgParams },
  responses: {
    200: { description: '党组织', headers: ETagHeader, content: { 'application/json': { schema: OrganizationSchema } } },
    ...commonErrors,
  },
});

export const getOrgRouter = createRouter().openapi(route, async (c) => {
  const org = await getOrg({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(org, 200, { ETag: etagOf(org.version) });
});
