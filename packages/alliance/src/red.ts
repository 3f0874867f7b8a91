import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, auditGuarded, auditInsert, inList, insertRows, newId, notFound, runGuarded, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import {
  alliances,
  redDistrictItems,
  redDistricts,
  redRouteStops,
  redRoutes,
  type RedDistrictCreateInput,
  type RedDistrictUpdateInput,
  type RedDistrictView,
  type RedRouteCreateInput,
  type RedRouteUpdateInput,
  type RedRouteView,
} from '@ronghe/schema';
import { allows } from '@ronghe/identity';
import { assertVersion } from './common.ts';

// 红色风景线 (an ordered chain of alliances with a theme) and 红色片区 (a
// cluster of alliances and routes), seed 000 3.3–3.4. Both are built on
// alliances that exist: a route strings together alliances already formed.

function assertManage(ctx: Ctx) {
  // Routes and districts are the county organization department's planning.
  if (!allows(ctx.actor, 'red.manage')) throw new AppError('forbidden', '只有旗县区委组织部管理员可以规划红色风景线和红色片区');
}

/** Statuses an alliance may be in to sit on a route: formed and not dissolved. */
const ON_ROUTE = new Set(['approved', 'established', 'active', 'rectifying']);

async function checkAlliances(ctx: Ctx, ids: string[], path: string, requireFormed: boolean): Promise<FieldError[]> {
  if (!ids.length) return [];
  const rows = await ctx.db.select({ id: alliances.id, name: alliances.name, status: alliances.status }).from(alliances).where(inList(alliances.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const r = byId.get(id);
    if (!r) errors.push({ path: `${path}.${i}`, message: '该联合体不存在' });
    else if (requireFormed && !ON_ROUTE.has(r.status)) errors.push({ path: `${path}.${i}`, message: `“${r.name}”尚未批准组建或已撤销，不能列入` });
  });
  return errors;
}

async function routeView(ctx: Ctx, ids: string[]): Promise<RedRouteView[]> {
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

export async function listRedRoutes({ ctx, input }: { ctx: Ctx; input: { status?: 'active' | 'archived' | 'all' } }): Promise<RedRouteView[]> {
  const status = input.status ?? 'active';
  const rows = await ctx.db
    .select({ id: redRoutes.id })
    .from(redRoutes)
    .where(status === 'all' ? undefined : eq(redRoutes.status, status))
    .limit(500);
  return routeView(
    ctx,
    rows.map((r) => r.id),
  );
}

export async function getRedRoute({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<RedRouteView> {
  const [view] = await routeView(ctx, [input.id]);
  if (!view) throw notFound('红色风景线');
  return view;
}

function stopRows(routeId: string, ids: string[]) {
  return ids.map((allianceId, position) => ({ routeId, position, allianceId }));
}

export async function createRedRoute({ ctx, input }: { ctx: Ctx; input: RedRouteCreateInput }): Promise<RedRouteView> {
  assertManage(ctx);
  const errors = await checkAlliances(ctx, input.allianceIds, 'body.allianceIds', true);
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const now = ctx.clock.now();
  const id = newId('rrt', now);
  await writeBatch(ctx.db, [
    ctx.db.insert(redRoutes).values({ id, name: input.name, theme: input.theme, description: input.description, status: 'active', version: 1, createdAt: now, updatedAt: now }),
    // Up to 50 stops and 130 district items: one JSON value per statement (D1 allows 100 parameters).
    ...insertRows(redRouteStops, stopRows(id, input.allianceIds)),
    auditInsert(ctx, { action: 'red_route.create', entityType: 'red_route', entityId: id, after: input }),
  ]);
  return getRedRoute({ ctx, input: { id } });
}

export async function updateRedRoute({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: RedRouteUpdateInput } }): Promise<RedRouteView> {
  assertManage(ctx);
  const current = await getRedRoute({ ctx, input: { id: input.id } });
  assertVersion(current.version, input.expectedVersion);
  const { allianceIds, ...fields } = input.patch;
  if (allianceIds) {
    const errors = await checkAlliances(ctx, allianceIds, 'body.allianceIds', true);
    if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  }
  const statements: Statement[] = [
    ctx.db
      .update(redRoutes)
      .set({ ...fields, version: current.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(redRoutes.id, current.id), eq(redRoutes.version, current.version))),
    auditGuarded(ctx, {
      action: 'red_route.update',
      entityType: 'red_route',
      entityId: current.id,
      before: { name: current.name, theme: current.theme, status: current.status, allianceIds: current.stops.map((s) => s.id) },
      after: input.patch,
    }),
  ];
  if (allianceIds) statements.push(ctx.db.delete(redRouteStops).where(eq(redRouteStops.routeId, current.id)), ...insertRows(redRouteStops, stopRows(current.id, allianceIds)));
  await runGuarded(() => writeBatch(ctx.db, statements));
  return getRedRoute({ ctx, input: { id: current.id } });
}

async function districtView(ctx: Ctx, ids: string[]): Promise<RedDistrictView[]> {
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
  return districts.map((d) => {
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

export async function listRedDistricts({ ctx, input }: { ctx: Ctx; input: { status?: 'active' | 'archived' | 'all' } }): Promise<RedDistrictView[]> {
  const status = input.status ?? 'active';
  const rows = await ctx.db
    .select({ id: redDistricts.id })
    .from(redDistricts)
    .where(status === 'all' ? undefined : eq(redDistricts.status, status))
    .limit(500);
  return districtView(
    ctx,
    rows.map((x) => x.id),
  );
}

export async function getRedDistrict({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<RedDistrictView> {
  const [view] = await districtView(ctx, [input.id]);
  if (!view) throw notFound('红色片区');
  return view;
}

async function checkRoutes(ctx: Ctx, ids: string[]): Promise<FieldError[]> {
  if (!ids.length) return [];
  const rows = await ctx.db.select({ id: redRoutes.id }).from(redRoutes).where(inList(redRoutes.id, ids));
  const known = new Set(rows.map((r) => r.id));
  return ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `body.routeIds.${i}`, message: '该红色风景线不存在' }]));
}

function itemRows(districtId: string, allianceIds: string[], routeIds: string[]) {
  return [
    ...allianceIds.map((itemId, position) => ({ districtId, itemType: 'alliance' as const, itemId, position })),
    ...routeIds.map((itemId, i) => ({ districtId, itemType: 'route' as const, itemId, position: allianceIds.length + i })),
  ];
}

export async function createRedDistrict({ ctx, input }: { ctx: Ctx; input: RedDistrictCreateInput }): Promise<RedDistrictView> {
  assertManage(ctx);
  const errors = [...(await checkAlliances(ctx, input.allianceIds, 'body.allianceIds', false)), ...(await checkRoutes(ctx, input.routeIds))];
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const now = ctx.clock.now();
  const id = newId('rds', now);
  const items = itemRows(id, input.allianceIds, input.routeIds);
  await writeBatch(ctx.db, [
    ctx.db.insert(redDistricts).values({ id, name: input.name, description: input.description, status: 'active', version: 1, createdAt: now, updatedAt: now }),
    ...insertRows(redDistrictItems, items),
    auditInsert(ctx, { action: 'red_district.create', entityType: 'red_district', entityId: id, after: input }),
  ]);
  return getRedDistrict({ ctx, input: { id } });
}

export async function updateRedDistrict({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: RedDistrictUpdateInput } }): Promise<RedDistrictView> {
  assertManage(ctx);
  const current = await getRedDistrict({ ctx, input: { id: input.id } });
  assertVersion(current.version, input.expectedVersion);
  const { allianceIds, routeIds, ...fields } = input.patch;
  const nextAlliances = allianceIds ?? current.alliances.map((x) => x.id);
  const nextRoutes = routeIds ?? current.routes.map((x) => x.id);
  const errors = [...(allianceIds ? await checkAlliances(ctx, allianceIds, 'body.allianceIds', false) : []), ...(routeIds ? await checkRoutes(ctx, routeIds) : [])];
  if (nextAlliances.length + nextRoutes.length === 0) errors.push({ path: 'body.allianceIds', message: '片区至少包含一个联合体或一条红色风景线' });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const statements: Statement[] = [
    ctx.db
      .update(redDistricts)
      .set({ ...fields, version: current.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(redDistricts.id, current.id), eq(redDistricts.version, current.version))),
    auditGuarded(ctx, {
      action: 'red_district.update',
      entityType: 'red_district',
      entityId: current.id,
      before: { name: current.name, status: current.status, allianceIds: current.alliances.map((x) => x.id), routeIds: current.routes.map((x) => x.id) },
      after: input.patch,
    }),
  ];
  if (allianceIds || routeIds) {
    statements.push(ctx.db.delete(redDistrictItems).where(eq(redDistrictItems.districtId, current.id)), ...insertRows(redDistrictItems, itemRows(current.id, nextAlliances, nextRoutes)));
  }
  await runGuarded(() => writeBatch(ctx.db, statements));
  return getRedDistrict({ ctx, input: { id: current.id } });
}
