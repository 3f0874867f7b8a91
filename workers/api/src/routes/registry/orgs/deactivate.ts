import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { deactivateOrg } from '@ronghe/registry';
import { OrganizationSchema, OrgDeactivateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { OrgParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/orgs/{id}/deactivate',
  tags: ['党组织'],
  summary: '停用党组织（需填写原因与 If-Match；有在用下级时拒绝）',
  action: 'org.deactivate',
  request: {
    params: OrgParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: OrgDeactivateSchema } }, required: true },
  },
  responses: {
    200: { description: '已停用', headers: ETagHeader, content: { 'application/json': { schema: OrganizationSchema } } },
    ...writeErrors,
  },
});

export const deactivateOrgRouter = createRouter().openapi(route, async (c) => {
  const org = await deactivateOrg({
    ctx: serviceContext(c),
    input: {
      id: c.req.valid('param').id,
      expectedVersion: expectedVersion(c.req.valid('header')['if-match']),
      reason: c.req.valid('json').reason,
    },
  });
  return c.json(org, 200, { ETag: etagOf(org.version) });
});
