import { commonErrors, createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { getOrgLifeStandards, setOrgLifeStandards } from '@ronghe/activities';
import { OrgLifeStandardsQuerySchema, OrgLifeStandardsSchema, OrgLifeStandardsUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { TAG } from './org-life-params.ts';

const getRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/org-life/standards',
  tags: [TAG],
  summary: '某年度组织生活标准频次（未设定的类型按党支部工作条例默认：党员大会每季度、支委会每月、党小组会每月、党课每季度、主题党日每月、组织生活会和民主评议每年）',
  action: 'org_life.read',
  request: { params: TenantParam, query: OrgLifeStandardsQuerySchema },
  responses: { 200: { description: '标准', content: { 'application/json': { schema: OrgLifeStandardsSchema } } }, ...commonErrors },
});

// A year's settings, replaced kind by kind: no If-Match (the later save wins; each save is audited with what it replaced).
const putRoute = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/org-life/standards',
  tags: [TAG],
  summary: '设定某年度组织生活标准频次（旗县区委组织部）；只影响该年度',
  action: 'org_life.standard',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: OrgLifeStandardsUpdateSchema } }, required: true } },
  responses: { 200: { description: '已设定', content: { 'application/json': { schema: OrgLifeStandardsSchema } } }, ...writeErrors },
});

export const getOrgLifeStandardsRouter = createRouter().openapi(getRoute, async (c) => c.json(await getOrgLifeStandards({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
export const putOrgLifeStandardsRouter = createRouter().openapi(putRoute, async (c) => c.json(await setOrgLifeStandards({ ctx: serviceContext(c), input: c.req.valid('json') }), 200));
