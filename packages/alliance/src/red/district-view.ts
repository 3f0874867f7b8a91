import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { inList, pinyinSortKey, type Ctx, type FieldError } from '@ronghe/core';
import { alliances, redDistrictItems, redDistricts, redRoutes, type RedDistrictView } from '@ronghe/schema';

/** Which districts: given ids, or every district of a status (at most 500, a county has a few dozen). */
export type DistrictScope = { ids: string[] } | { status: 'active' | 'archived' | 'all' };

/**
 * Districts with their alliances and routes, in one batch (one D1 round trip)
 * whichever the scope. `activeRoutesOnly` leaves archived routes out, as the
 * public API shows them.
 */
export async function districtView(ctx: Ctx, scope: DistrictScope, opts: { activeRoutesOnly?: boolean } = {}): Promise<RedDistrictView[]> {
  if ('ids' in scope && !scope.ids.length) return [];
  // The district set as SQL, so items, alliances and routes are read in the same batch as the districts.
  const chosen: SQL =
    'ids' in scope
      ? sql`SELECT value FROM json_each(${JSON.stringify(scope.ids)})`
      : scope.status === 'all'
        ? sql`SELECT id FROM red_districts LIMIT 500`
        : sql`SELECT id FROM red_districts WHERE status = ${scope.status} LIMIT 500`;
  const routeWhere = sql`${redRoutes.id} IN (SELECT item_id FROM red_district_items WHERE item_type = 'route' AND district_id IN (${chosen}))`;
  const [districts, items, allianceRows, routeRows] = await ctx.db.batch([
    ctx.db.select().from(redDistricts).where(sql`${redDistricts.id} IN (${chosen})`).orderBy(asc(redDistricts.name)),
    ctx.db.select().from(redDistrictItems).where(sql`${redDistrictItems.districtId} IN (${chosen})`).orderBy(asc(redDistrictItems.position)),
    ctx.db
      .select({ id: alliances.id, name: alliances.name, status: alliances.status })
      .from(alliances)
      .where(sql`${alliances.id} IN (SELECT item_id FROM red_district_items WHERE item_type = 'alliance' AND district_id IN (${chosen}))`),
    ctx.db
      .select({ id: redRoutes.id, name: redRoutes.name, theme: redRoutes.theme })
      .from(redRoutes)
      .where(opts.activeRoutesOnly ? and(routeWhere, eq(redRoutes.status, 'active')) : routeWhere),
  ]);
  const a = new Map(allianceRows.map((r) => [r.id, r]));
  const r = new Map(routeRows.map((x) => [x.id, x]));
  // In pinyin order (ADR 0018): a county has a few dozen, so the key is computed here rather than stored.
  const byPinyin = districts.map((r) => [pinyinSortKey(r.name), r] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  return byPinyin.map((d) => {
    const mine = items.filter((i) => i.districtId === d.id);
    return {
      id: d.id,
      name: d.name,
      description: d.description,
      status: d.status,
      alliances: mine.filter((i) => i.itemType === 'alliance').flatMap((i) => (a.has(i.itemId) ? [a.get(i.itemId)!] : [])),
      routes: mine.filter((i) => i.itemType === 'route').flatMap((i) => (r.has(i.itemId) ? [r.get(i.itemId)!] : [])),
      version: d.version,
      updatedAt: d.updatedAt,
    };
  });
}

export async function checkRoutes(ctx: Ctx, ids: string[]): Promise<FieldError[]> {
  if (!ids.length) return [];
  const rows = await ctx.db.select({ id: redRoutes.id }).from(redRoutes).where(inList(redRoutes.id, ids));
  const known = new Set(rows.map((r) => r.id));
  return ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `body.routeIds.${i}`, message: '该红色风景线不存在' }]));
}

export function itemRows(districtId: string, allianceIds: string[], routeIds: string[]) {
  return [
    ...allianceIds.map((itemId, position) => ({ districtId, itemType: 'alliance' as const, itemId, position })),
    ...routeIds.map((itemId, i) => ({ districtId, itemType: 'route' as const, itemId, position: allianceIds.length + i })),
  ];
}
