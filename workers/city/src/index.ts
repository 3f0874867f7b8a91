import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '@ronghe/core';
import { commonErrors, controlDb, createRouter, requireSession } from '@ronghe/http';
import { mayAttempt } from '@ronghe/identity';
import { CITY, COUNTIES } from '@ronghe/tenancy';

const CountySummary = z
  .object({
    slug: z.string(),
    code: z.string(),
    name: z.string(),
    orgCount: z.number().int(),
    activeOrgCount: z.number().int(),
    weakCount: z.number().int(),
    standardizedCount: z.number().int(),
    strongestCount: z.number().int(),
    memberTotal: z.number().int(),
  })
  .openapi('CountySummary');

const overviewRoute = createRoute({
  method: 'get',
  path: '/city/overview',
  tags: ['市级汇总'],
  summary: '全市各旗县区党组织概况（市委组织部只读）',
  'x-action': 'city.rollup',
  responses: {
    200: { description: '各旗县区汇总', content: { 'application/json': { schema: z.object({ items: z.array(CountySummary) }) } } },
    ...commonErrors,
  },
});

const SUMMARY_SQL = `SELECT
  count(*) AS orgCount,
  coalesce(sum(status = 'active'), 0) AS activeOrgCount,
  coalesce(sum(status = 'active' AND weak_flag = 1), 0) AS weakCount,
  coalesce(sum(status = 'active' AND quality_status = '标准化规范化'), 0) AS standardizedCount,
  coalesce(sum(status = 'active' AND quality_status LIKE '最强党支部%'), 0) AS strongestCount,
  -- Members are counted once, at the organizations that have no active children (a 党委's count repeats its branches').
  coalesce(sum(CASE WHEN status = 'active' AND NOT EXISTS (
    SELECT 1 FROM organizations c WHERE c.parent_id = o.id AND c.status = 'active') THEN member_count ELSE 0 END), 0) AS memberTotal
FROM organizations o`;

/**
 * The city's read-only rollup across county databases. Live queries for now;
 * later issues add nightly snapshots in the control database.
 */
export function createCityApi() {
  const app = createRouter();
  app.use('*', controlDb, requireSession);
  return app.openapi(overviewRoute, async (c) => {
    const session = c.get('session')!;
    const actor = {
      userId: session.user.id,
      displayName: session.user.displayName,
      grants: session.user.grants.filter((g) => g.tenant === CITY.slug),
    };
    if (!mayAttempt(actor, 'city.rollup')) throw new AppError('forbidden', '只有市委组织部管理员可以查看全市汇总');
    const items = await Promise.all(
      COUNTIES.map(async (t) => {
        const row = await (c.env[t.binding] as D1Database).prepare(SUMMARY_SQL).first<Record<string, number>>();
        return {
          slug: t.slug,
          code: t.code,
          name: t.name,
          orgCount: Number(row?.orgCount ?? 0),
          activeOrgCount: Number(row?.activeOrgCount ?? 0),
          weakCount: Number(row?.weakCount ?? 0),
          standardizedCount: Number(row?.standardizedCount ?? 0),
          strongestCount: Number(row?.strongestCount ?? 0),
          memberTotal: Number(row?.memberTotal ?? 0),
        };
      }),
    );
    return c.json({ items }, 200);
  });
}
