import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createOrg } from '@ronghe/registry';
import { OrganizationSchema, OrgCreateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/orgs',
  tags: ['党组织'],
  summary: '新建党组织',
  action: 'org.create',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: OrgCreateSchema } }, required: true } },
  responses: {
    201: { description: '已创建', headers: ETagHeader, content: { 'application/json': { schema: OrganizationSchema } } },
    ...writeErrors,
  },
});

export const createOrgRouter = createRouter().openapi(route, async (c) => {
  const org = await createOrg({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(org, 201, { ETag: etagOf(org.version) });
});
