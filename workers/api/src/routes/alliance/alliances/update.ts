import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateAlliance } from '@ronghe/alliance';
import { AllianceDetailSchema, AllianceUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { AllianceParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/alliances/{id}',
  tags: ['党建联合体'],
  summary: '修改联合体（类型、模式、牵头与审批单位只在草稿或未批准时可改）',
  action: 'alliance.manage',
  request: {
    params: AllianceParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: AllianceUpdateSchema } }, required: true },
  },
  responses: {
    200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
    ...writeErrors,
  },
});

export const updateAllianceRouter = createRouter().openapi(route, async (c) => {
  const a = await updateAlliance({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
