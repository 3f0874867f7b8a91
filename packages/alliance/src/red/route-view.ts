import { asc, eq } from 'drizzle-orm';
import { inList, pinyinSortKey, type Ctx } from '@ronghe/core';
import { alliances, redRouteStops, redRoutes, type RedRouteView } from '@ronghe/schema';

export async function routeView(ctx: Ctx, ids: string[]): Promise<RedRouteView[]> {
  if (!ids.length) return [];
  const [routes, stops] = await ctx.db.batch([
    ctx.db.select().from(redRoutes).where(inList(redRoutes.id, ids)).orderBy(asc(redRoutes.name)),
    ctx.db
      .select({ routeId: redRouteStops.routeId, position: redRouteStops.position, id: alliances.id, name: alliances.name, status: alliances.status })
      .from(redRouteStops)
      .innerJoin(alliances, eq(alliances.id, redRouteStops.allianceId))
      .where(inList(redRouteStops.routeId, ids))
      .orderBy(asc(redRouteStops.routeId), asc(redRouteStops.position)),
  ]);
  // In pinyin order (ADR 0018): a county has a few dozen, so the key is computed here rather than stored.
  const byPinyin = routes.map((r) => [pinyinSortKey(r.name), r] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  return byPinyin.map((r) => ({
    id: r.id,
    name: r.name,
    theme: r.theme,
    description: r.description,
    status: r.status,
    stops: stops.filter((s) => s.routeId === r.id).map((s) => ({ id: s.id, name: s.name, status: s.status })),
    version: r.version,
    updatedAt: r.updatedAt,
  }));
}

export function stopRows(routeId: string, ids: string[]) {
  return ids.map((allianceId, position) => ({ routeId, position, allianceId }));
}
