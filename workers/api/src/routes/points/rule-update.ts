import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updatePointRule } from '@ronghe/points';
import { PointRuleCodeParam, PointRuleSchema, PointRuleUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/points/rules/{code}',
  tags: ['积分'],
  summary: '修改积分规则：写入新版本（自现在起生效），已记入的积分不变（需 If-Match：现行版本号）',
  action: 'points.rules',
  request: { params: PointRuleCodeParam, headers: IfMatchHeader, body: { content: { 'application/json': { schema: PointRuleUpdateSchema } }, required: true } },
  responses: { 200: { description: '新版本', content: { 'application/json': { schema: PointRuleSchema } } }, ...writeErrors },
});

export const updatePointRuleRouter = createRouter().openapi(route, async (c) => {
  const rule = await updatePointRule({
    ctx: serviceContext(c),
    input: { code: c.req.valid('param').code, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), rule: c.req.valid('json') },
  });
  return c.json(rule, 200, { ETag: etagOf(rule.version) });
});
