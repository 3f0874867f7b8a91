export { createRollupExportApi, type RollupLoader } from './open-data/index.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError, notFound, openDb } from '@ronghe/core';
import { commonErrors, controlDb, createRouter, requireSession } from '@ronghe/http';
import { mayAttempt, type ResolvedSession } from '@ronghe/identity';
import { readOrgOverview } from '@ronghe/registry/read';
import { readCityRollup, readCountyDrillDown } from '@ronghe/rollup/read';
import { CityRollupSchema, CountyDrillDownSchema } from '@ronghe/schema';
import { CITY, forEachTenant } from '@ronghe/tenancy';
import { mountCityFilings } from './filings.ts';

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

const rollupRoute = createRoute({
  method: 'get',
  path: '/city/rollup',
  tags: ['市级汇总'],
  summary: '全市汇总：各旗县区的数字（含截至时间与过期标记）、全市合计与近 24 个月趋势（只读，不含个人信息）',
  'x-action': 'city.rollup',
  responses: {
    200: { description: '全市汇总', content: { 'application/json': { schema: CityRollupSchema } } },
    ...commonErrors,
  },
});

const drillRoute = createRoute({
  method: 'get',
  path: '/city/rollup/counties/{slug}',
  tags: ['市级汇总'],
  summary: '旗县区下钻：该旗县区的汇总与各党建联合体概况（只读）',
  'x-action': 'city.rollup',
  request: { params: z.object({ slug: z.string().min(1).max(40).openapi({ param: { name: 'slug', in: 'path' }, example: 'hongshan' }) }) },
  responses: {
    200: { description: '旗县区下钻', content: { 'application/json': { schema: CountyDrillDownSchema } } },
    ...commonErrors,
  },
});

/** Refuses anyone but the city's roles (the rollup crosses every county). */
function requireCityRole(session: ResolvedSession) {
  const actor = { userId: session.user.id, displayName: session.user.displayName, grants: session.user.grants.filter((g) => g.tenant === CITY.slug) };
  if (!mayAttempt(actor, 'city.rollup')) throw new AppError('forbidden', '只有市委组织部管理员可以查看全市汇总');
}

/**
 * The city's read-only rollup across county databases, each read through the
 * registry's read.ts. Live queries for now; later issues add nightly snapshots
 * in the control database.
 */
export function createCityApi() {
  const app = createRouter();
  app.use('*', controlDb, requireSession);
  // Issue 13: the city's filings inbox (ADR 0024).
  mountCityFilings(app);
  app.openapi(rollupRoute, async (c) => {
    requireCityRole(c.get('session')!);
    // Stored figures (ADR 0022): one query of the control database, whatever the number of counties.
    return c.json(await readCityRollup(c.get('control').$client, { now: c.get('clock').now() }), 200);
  });
  app.openapi(drillRoute, async (c) => {
    requireCityRole(c.get('session')!);
    const out = await readCountyDrillDown(c.get('control').$client, c.req.valid('param').slug, { now: c.get('clock').now() });
    if (!out) throw notFound('旗县区');
    return c.json(out, 200);
  });
  return app.openapi(overviewRoute, async (c) => {
    const session = c.get('session')!;
    const actor = {
      userId: session.user.id,
      displayName: session.user.displayName,
      grants: session.user.grants.filter((g) => g.tenant === CITY.slug),
    };
    if (!mayAttempt(actor, 'city.rollup')) throw new AppError('forbidden', '只有市委组织部管理员可以查看全市汇总');
    // Every county through forEachTenant: at most D1's six connections at once.
    const visits = await forEachTenant(c.env, (_tenant, d1) => readOrgOverview({ db: openDb(d1) }));
    const items = visits.map((v) => {
      // A county that cannot be read fails the overview rather than showing it as empty.
      if (!v.ok) throw v.error;
      return { slug: v.tenant.slug, code: v.tenant.code, name: v.tenant.name, ...v.value };
    });
    return c.json({ items }, 200);
  });
}
