import { and, eq } from 'drizzle-orm';
import { insertRows, AppError, auditGuarded, runGuarded, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { redRouteStops, redRoutes, type RedRouteUpdateInput, type RedRouteView } from '@ronghe/schema';
import { assertVersion } from '../common.ts';
import { assertManage, checkAlliances } from './guards.ts';
import { getRedRoute } from './route-get.ts';
import { stopRows } from './route-view.ts';

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
