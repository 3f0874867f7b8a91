import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { reactivateOrg } from '@ronghe/registry';
import { OrganizationSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { OrgParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/orgs/{id}/reactivate',
  tags: ['党组织'],
  summary: '重新启用党组织（需 If-Match）',
  action: 'org.deactivate',
  request: { params: OrgParams, headers: IfMatchHeader },
  responses: {
    200: { description: '已启用', headers: ETagHeader, content: { 'application/json': { schema: OrganizationSchema } } },
    ...writeErrors,
  },
});

export const reactivateOrgRouter = createRouter().openapi(route, async (c) => {
  const org = await reactivateOrg({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']) },
  });
  return c.json(org, 200, { ETag: etagOf(org.version) });
});
