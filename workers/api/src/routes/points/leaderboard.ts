import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { leaderboard } from '@ronghe/points';
import { LeaderboardQuerySchema, LeaderboardSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/points/leaderboard',
  tags: ['积分'],
  summary: '积分排行（前 100 名）：按党员、支部（其党员积分之和）或联合体（现有成员单位之和），全年或某月、某季度',
  action: 'points.read',
  request: { params: TenantParam, query: LeaderboardQuerySchema },
  responses: { 200: { description: '排行榜', content: { 'application/json': { schema: LeaderboardSchema } } }, ...commonErrors },
});

export const leaderboardRouter = createRouter().openapi(route, async (c) => c.json(await leaderboard({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
