import { and, eq } from 'drizzle-orm';
import { AppError, auditInsert, newId, writeBatch, type Ctx } from '@ronghe/core';
import { activityQuotaPlans, type QuotaPlanPut, type QuotaPlanView } from '@ronghe/schema';
import { requireManagedAlliance } from '../activities/shared.ts';
import { getQuotaPlan } from './plan-get.ts';

/**
 * Replaces an alliance's plan for a year (seed 003: the alliance negotiates
 * content and frequency) in one batch with its audit row: the old rows go, the
 * new ones come; the unique (alliance, year, kind) index refuses a kind twice.
 */
export async function setQuotaPlan({ ctx, input }: { ctx: Ctx; input: { allianceId: string } & QuotaPlanPut }): Promise<QuotaPlanView> {
  const a = await requireManagedAlliance(ctx, input.allianceId, null);
  const seen = new Set<string>();
  const errors = input.rows.flatMap((r, i) => {
    if (seen.has(r.kind)) return [{ path: `body.rows.${i}.kind`, message: '同一活动类型只能设一项' }];
    seen.add(r.kind);
    return [];
  });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  const before = await ctx.db
    .select({ kind: activityQuotaPlans.kind, period: activityQuotaPlans.period, required: activityQuotaPlans.required })
    .from(activityQuotaPlans)
    .where(and(eq(activityQuotaPlans.allianceId, a.id), eq(activityQuotaPlans.year, input.year)));
  const now = ctx.clock.now();
  await writeBatch(ctx.db, [
    ctx.db.delete(activityQuotaPlans).where(and(eq(activityQuotaPlans.allianceId, a.id), eq(activityQuotaPlans.year, input.year))),
    ctx.db.insert(activityQuotaPlans).values(input.rows.map((r) => ({ id: newId('qpl', now), allianceId: a.id, year: input.year, kind: r.kind, period: r.period, required: r.required, createdAt: now, updatedAt: now }))),
    auditInsert(ctx, { action: 'activity_quota_plan.set', entityType: 'alliance', entityId: a.id, before: { year: input.year, plan: before }, after: { year: input.year, rows: input.rows.length, plan: input.rows } }),
  ]);
  return getQuotaPlan({ ctx, input: { allianceId: a.id, year: input.year } });
}
