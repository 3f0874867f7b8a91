import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateOrg } from '@ronghe/registry';
import { OrganizationSchema, OrgUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { OrgParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/orgs/{id}',
  tags: ['党组织'],
  summary: '修改党组织（需 If-Match）',
  action: 'org.update',
  request: {
    params: OrgParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: OrgUpdateSchema } }, required: true },
  },
  responses: {
    200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: OrganizationSchema } } },
    ...writeErrors,
  },
});

export const updateOrgRouter = createRouter().openapi(route, async (c) => {
  const version = expectedVersion(c.req.valid('header')['if-match']);
  const org = await updateOrg({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: version, patch: c.req.valid('json') },
  });
  return c.json(org, 200, { ETag: etagOf(org.version) });
});
