import { asc, eq } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
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
  return routes.map((r) => ({
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
