import { insertRows, AppError, auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { redRouteStops, redRoutes, type RedRouteCreateInput, type RedRouteView } from '@ronghe/schema';
import { assertManage, checkAlliances } from './guards.ts';
import { getRedRoute } from './route-get.ts';
import { stopRows } from './route-view.ts';

export async function createRedRoute({ ctx, input }: { ctx: Ctx; input: RedRouteCreateInput }): Promise<RedRouteView> {
  assertManage(ctx);
  const errors = await checkAlliances(ctx, input.allianceIds, 'body.allianceIds', true);
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const now = ctx.clock.now();
  const id = newId('rrt', now);
  await writeBatch(ctx.db, [
    ctx.db.insert(redRoutes).values({ id, name: input.name, theme: input.theme, description: input.description, status: 'active', version: 1, createdAt: now, updatedAt: now }),
    // Up to 50 stops: one JSON value per statement (D1 allows 100 parameters).
    ...insertRows(redRouteStops, stopRows(id, input.allianceIds)),
    auditInsert(ctx, { action: 'red_route.create', entityType: 'red_route', entityId: id, after: input }),
  ]);
  return getRedRoute({ ctx, input: { id } });
}
