import { commonErrors, createRouter, etagOf, expectedVersion, IfMatchHeader, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { cityAwards, correctRound, countyMatching, createRound, getRound, listRounds, payDisbursement, publishRound, roundTable, simulateRound, updateRound } from '@ronghe/rewards';
import {
  AllocationTableSchema,
  CityAwardListSchema,
  CityAwardQuerySchema,
  CountyMatchingListSchema,
  DisbursementIdParam,
  DisbursementPaySchema,
  DisbursementViewSchema,
  RoundCorrectSchema,
  RoundCreateSchema,
  RoundIdParam,
  RoundListQuerySchema,
  RoundListSchema,
  RoundUpdateSchema,
  RoundViewSchema,
} from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

const TAG = '以奖代补';
/** The worker's bindings: a city round reads every county, a county's 配套 reads the city (ADR 0025). */
const envOf = (c: { env: unknown }) => c.env as Record<string, unknown>;
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export const listRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/rewards/rounds',
  tags: [TAG],
  summary: '奖补轮次（最新在前，可按年度筛选）',
  action: 'reward.read',
  request: { params: TenantParam, query: RoundListQuerySchema },
  responses: { 200: json(RoundListSchema, '奖补轮次'), ...commonErrors },
});
export const listRoundsRouter = createRouter().openapi(listRoute, async (c) => c.json(await listRounds({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));

export const createRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/rewards/rounds',
  tags: [TAG],
  summary: '新建奖补轮次（草稿）：年度、预算（分）、奖补条件与分配方式；发布前可反复修改和模拟',
  action: 'reward.manage',
  request: { params: TenantParam, body: body(RoundCreateSchema) },
  responses: { 201: json(RoundViewSchema, '新的草稿轮次'), ...writeErrors },
});
export const createRoundRouter = createRouter().openapi(createRoute, async (c) => {
  const round = await createRound({ ctx: serviceContext(c), input: c.req.valid('json'), env: envOf(c) });
  return c.json(round, 201, { ETag: etagOf(round.version) });
});

export const getRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/rewards/rounds/{id}',
  tags: [TAG],
  summary: '一个奖补轮次的设置与状态',
  action: 'reward.read',
  request: { params: RoundIdParam },
  responses: { 200: json(RoundViewSchema, '奖补轮次'), ...commonErrors },
});
export const getRoundRouter = createRouter().openapi(getRoute, async (c) => {
  const round = await getRound({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(round, 200, { ETag: etagOf(round.version) });
});

export const updateRoute = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/rewards/rounds/{id}',
  tags: [TAG],
  summary: '修改草稿轮次的预算或规则（已发布的不能修改；需 If-Match：轮次版本号）',
  action: 'reward.manage',
  request: { params: RoundIdParam, headers: IfMatchHeader, body: body(RoundUpdateSchema) },
  responses: { 200: json(RoundViewSchema, '修改后的轮次'), ...writeErrors },
});
export const updateRoundRouter = createRouter().openapi(updateRoute, async (c) => {
  const round = await updateRound({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') }, env: envOf(c) });
  return c.json(round, 200, { ETag: etagOf(round.version) });
});

export const simulateRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/rewards/rounds/{id}/simulate',
  tags: [TAG],
  summary: '模拟分配：按当前考核结果和荣誉认定算出每个对象的金额及每一步依据，并与上次模拟比较',
  action: 'reward.manage',
  request: { params: RoundIdParam },
  responses: { 200: json(AllocationTableSchema, '模拟分配表'), ...writeErrors },
});
export const simulateRoundRouter = createRouter().openapi(simulateRoute, async (c) => c.json(await simulateRound({ ctx: serviceContext(c), input: { id: c.req.valid('param').id }, env: envOf(c) }), 200));

export const publishRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/rewards/rounds/{id}/publish',
  tags: [TAG],
  summary: '发布轮次：与上次模拟结果一致才发布；发布后金额及依据不再改变，逐笔生成待拨付记录（需 If-Match）',
  action: 'reward.manage',
  request: { params: RoundIdParam, headers: IfMatchHeader },
  responses: { 200: json(RoundViewSchema, '已发布的轮次'), ...writeErrors },
});
export const publishRoundRouter = createRouter().openapi(publishRoute, async (c) => {
  const round = await publishRound({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']) }, env: envOf(c) });
  return c.json(round, 200, { ETag: etagOf(round.version) });
});

export const correctRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/rewards/rounds/{id}/correct',
  tags: [TAG],
  summary: '更正已发布的轮次：新建一个引用原轮次的草稿（原轮次不变）',
  action: 'reward.manage',
  request: { params: RoundIdParam, body: body(RoundCorrectSchema) },
  responses: { 201: json(RoundViewSchema, '更正轮次（草稿）'), ...writeErrors },
});
export const correctRoundRouter = createRouter().openapi(correctRoute, async (c) => {
  const round = await correctRound({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, reason: c.req.valid('json').reason } });
  return c.json(round, 201, { ETag: etagOf(round.version) });
});

export const tableRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/rewards/rounds/{id}/allocations',
  tags: [TAG],
  summary: '分配表：已发布的为定稿金额、依据及拨付情况；草稿为按当前数据的预览',
  action: 'reward.read',
  request: { params: RoundIdParam },
  responses: { 200: json(AllocationTableSchema, '分配表'), ...commonErrors },
});
export const roundTableRouter = createRouter().openapi(tableRoute, async (c) => c.json(await roundTable({ ctx: serviceContext(c), input: { id: c.req.valid('param').id }, env: envOf(c) }), 200));

export const payRoute = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/rewards/disbursements/{id}/pay',
  tags: [TAG],
  summary: '登记一笔奖补已拨付（拨付日期、凭证号）；每笔只登记一次',
  action: 'reward.manage',
  request: { params: DisbursementIdParam, body: body(DisbursementPaySchema) },
  responses: { 200: json(DisbursementViewSchema, '拨付记录'), ...writeErrors },
});
export const payDisbursementRouter = createRouter().openapi(payRoute, async (c) =>
  c.json(await payDisbursement({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
);

export const cityAwardsRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/rewards/city-awards',
  tags: [TAG],
  summary: '市级奖补：市委组织部已发布轮次中本旗县区对象获得的奖补（金额、依据及拨付情况），只含本旗县区',
  action: 'reward.read',
  request: { params: TenantParam, query: CityAwardQuerySchema },
  responses: { 200: json(CityAwardListSchema, '市级奖补'), ...commonErrors },
});
export const cityAwardsRouter = createRouter().openapi(cityAwardsRoute, async (c) => c.json(await cityAwards({ ctx: serviceContext(c), env: envOf(c), input: c.req.valid('query') }), 200));

export const countyMatchingRoute = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/rewards/rounds/{id}/county-matching',
  tags: [TAG],
  summary: '各旗县区对一个市级轮次的配套：配套比例、预算、不足时的规则及每个对象的配套金额',
  action: 'reward.read',
  request: { params: RoundIdParam },
  responses: { 200: json(CountyMatchingListSchema, '各旗县区配套'), ...commonErrors },
});
export const countyMatchingRouter = createRouter().openapi(countyMatchingRoute, async (c) => c.json(await countyMatching({ ctx: serviceContext(c), env: envOf(c), input: { id: c.req.valid('param').id } }), 200));
