import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createAlliance } from '@ronghe/alliance';
import { AllianceCreateSchema, AllianceDetailSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/alliances',
  tags: ['党建联合体'],
  summary: '起草联合体（牵头党组织自动成为成员）',
  action: 'alliance.create',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: AllianceCreateSchema } }, required: true } },
  responses: {
    201: { description: '草稿已建立', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
    ...writeErrors,
  },
});

export const createAllianceRouter = createRouter().openapi(route, async (c) => {
  const a = await createAlliance({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(a, 201, { ETag: etagOf(a.version) });
});
