import { notFound } from '@ronghe/core';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { readCountyRollup } from '@ronghe/rollup';
import { CountyRollupSchema } from '@ronghe/schema';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/rollup',
  tags: ['市级汇总'],
  summary: '本旗县区的汇总数字（数据大屏）：按主题的数字与近 24 个月趋势，不含个人信息',
  action: 'rollup.read',
  request: { params: TenantParam },
  responses: { 200: { description: '本旗县区汇总', content: { 'application/json': { schema: CountyRollupSchema } } }, ...commonErrors },
});

export const getOwnRollupRouter = createRouter().openapi(route, async (c) => {
  // The city itself is not a county: it has no county rollup (its own is /city/rollup).
  const rollup = await readCountyRollup(c.get('control').$client, c.get('tenant').slug, { now: c.get('clock').now() });
  if (!rollup) throw notFound('旗县区汇总');
  return c.json(rollup, 200);
});
