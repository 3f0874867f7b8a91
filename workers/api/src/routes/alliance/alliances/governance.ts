import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { setGovernance } from '@ronghe/alliance';
import { AllianceDetailSchema, GovernanceInputSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { AllianceParams } from './params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/alliances/{id}/governance',
  tags: ['党建联合体'],
  summary: '设置议事机构（决策层/协调层/执行层，整体替换；If-Match 为联合体版本）',
  action: 'alliance.manage',
  request: { params: AllianceParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: GovernanceInputSchema } }, required: true } },
  responses: {
    200: { description: '已保存', headers: ETagHeader, content: { 'application/json': { schema: AllianceDetailSchema } } },
    ...writeErrors,
  },
});

export const governanceRouter = createRouter().openapi(route, async (c) => {
  const a = await setGovernance({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), governance: c.req.valid('json') },
  });
  return c.json(a, 200, { ETag: etagOf(a.version) });
});
