import { asc, sql } from 'drizzle-orm';
import { inList, pinyinSortKey, type Ctx, type FieldError } from '@ronghe/core';
import { alliances, redDistrictItems, redDistricts, redRoutes, type RedDistrictView } from '@ronghe/schema';

export async function districtView(ctx: Ctx, ids: string[]): Promise<RedDistrictView[]> {
  if (!ids.length) return [];
  const [districts, items, allianceRows, routeRows] = await ctx.db.batch([
    ctx.db.select().from(redDistricts).where(inList(redDistricts.id, ids)).orderBy(asc(redDistricts.name)),
    ctx.db.select().from(redDistrictItems).where(inList(redDistrictItems.districtId, ids)).orderBy(asc(redDistrictItems.position)),
    ctx.db
      .select({ id: alliances.id, name: alliances.name, status: alliances.status })
      .from(alliances)
      .where(sql`${alliances.id} IN (SELECT item_id FROM red_district_items WHERE item_type = 'alliance' AND district_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})))`),
    ctx.db
      .select({ id: redRoutes.id, name: redRoutes.name, theme: redRoutes.theme })
      .from(redRoutes)
      .where(sql`${redRoutes.id} IN (SELECT item_id FROM red_district_items WHERE item_type = 'route' AND district_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})))`),
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
