export { createRollupExportApi, rollupNotYetComputed, type RollupLoader } from './open-data/index.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError, openDb } from '@ronghe/core';
import { commonErrors, controlDb, createRouter, requireSession } from '@ronghe/http';
import { mayAttempt } from '@ronghe/identity';
import { readOrgOverview } from '@ronghe/registry/read';
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
