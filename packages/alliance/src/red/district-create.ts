import { insertRows, AppError, auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { redDistrictItems, redDistricts, type RedDistrictCreateInput, type RedDistrictView } from '@ronghe/schema';
import { assertManage, checkAlliances } from './guards.ts';
import { getRedDistrict } from './district-get.ts';
import { checkRoutes, itemRows } from './district-view.ts';

export async function createRedDistrict({ ctx, input }: { ctx: Ctx; input: RedDistrictCreateInput }): Promise<RedDistrictView> {
  assertManage(ctx);
  const errors = [...(await checkAlliances(ctx, input.allianceIds, 'body.allianceIds', false)), ...(await checkRoutes(ctx, input.routeIds))];
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const now = ctx.clock.now();
  const id = newId('rds', now);
  const items = itemRows(id, input.allianceIds, input.routeIds);
  await writeBatch(ctx.db, [
    ctx.db.insert(redDistricts).values({ id, name: input.name, description: input.description, status: 'active', version: 1, createdAt: now, updatedAt: now }),
    // Up to 130 district items: one JSON value per statement (D1 allows 100 parameters).
    ...insertRows(redDistrictItems, items),
    auditInsert(ctx, { action: 'red_district.create', entityType: 'red_district', entityId: id, after: input }),
  ]);
  return getRedDistrict({ ctx, input: { id } });
}
