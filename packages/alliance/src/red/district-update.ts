import { and, eq } from 'drizzle-orm';
import { insertRows, AppError, auditGuarded, runGuarded, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { redDistrictItems, redDistricts, type RedDistrictUpdateInput, type RedDistrictView } from '@ronghe/schema';
import { assertVersion } from '../common.ts';
import { assertManage, checkAlliances } from './guards.ts';
import { getRedDistrict } from './district-get.ts';
import { checkRoutes, itemRows } from './district-view.ts';

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
