import { createRoute } from '@hono/zod-openapi';
import { authorize, createRouter, etagOf, expectedVersion, IfMatchHeader, writeErrors } from '@ronghe/http';
import { updateOrg } from '@ronghe/registry';
import { OrganizationSchema, OrgUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { ETagHeader, OrgParams } from './params.ts';

export const route = createRoute({
  method: 'patch',
  path: '/t/{tenant}/orgs/{id}',
  tags: ['党组织'],
  summary: '修改党组织（需 If-Match）',
  'x-action': 'org.update',
  middleware: [authorize('org.update')] as const,
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
