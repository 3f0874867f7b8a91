import { commonErrors, createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { getOrgLifeRecord, listOrgLifeRecords, recordOrgLife } from '@ronghe/activities';
import { OrgLifeRecordCreateSchema, OrgLifeRecordListQuerySchema, OrgLifeRecordPageSchema, OrgLifeRecordSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { RecordParams, TAG } from './org-life-params.ts';

const listRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/org-life/records',
  tags: [TAG],
  summary: '组织生活记录（按党支部、类型、年度筛选，最新在前）',
  action: 'org_life.read',
  request: { params: TenantParam, query: OrgLifeRecordListQuerySchema },
  responses: { 200: { description: '记录', content: { 'application/json': { schema: OrgLifeRecordPageSchema } } }, ...commonErrors },
});

const createRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/org-life/records',
  tags: [TAG],
  summary: '登记一次组织生活（三会一课、主题党日、组织生活会、民主评议党员）：只限党支部；参会人员须为本支部在册党员；日期不晚于今天',
  action: 'org_life.record',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: OrgLifeRecordCreateSchema } }, required: true } },
  responses: { 201: { description: '已登记', content: { 'application/json': { schema: OrgLifeRecordSchema } } }, ...writeErrors },
});

const getRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/org-life/records/{id}',
  tags: [TAG],
  summary: '一条组织生活记录（含参会党员与会议记录）',
  action: 'org_life.read',
  request: { params: RecordParams },
  responses: { 200: { description: '记录', content: { 'application/json': { schema: OrgLifeRecordSchema } } }, ...commonErrors },
});

export const listOrgLifeRecordsRouter = createRouter().openapi(listRoute, async (c) => c.json(await listOrgLifeRecords({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
export const createOrgLifeRecordRouter = createRouter().openapi(createRoute, async (c) => c.json(await recordOrgLife({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
export const getOrgLifeRecordRouter = createRouter().openapi(getRoute, async (c) => c.json(await getOrgLifeRecord(serviceContext(c), c.req.valid('param').id), 200));
