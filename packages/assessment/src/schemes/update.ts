import { eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, insertRows, isStaleGuardError, writeBatch, type Ctx } from '@ronghe/core';
import { indicatorSchemes, schemeIndicators, type SchemeUpdate, type SchemeView } from '@ronghe/schema';
import { checkIndicators, indicatorRows, requireDraft } from './rules.ts';
import { requireScheme, schemeView } from './view.ts';

/**
 * Edits a draft: name, thresholds and the whole indicator list (replaced). The
 * UPDATE only touches a row still in draft, and the guarded audit row aborts
 * the batch otherwise: a scheme published or frozen meanwhile is not edited.
 */
export async function updateScheme({ ctx, input }: { ctx: Ctx; input: { id: string; scheme: SchemeUpdate } }): Promise<SchemeView> {
  const { scheme, indicators } = await requireScheme(ctx, input.id);
  requireDraft(scheme, '修改');
  checkIndicators(input.scheme.indicators);
  const now = ctx.clock.now();
  const rows = indicatorRows(scheme.id, input.scheme.indicators, now);
  const next = { ...scheme, name: input.scheme.name, thresholds: input.scheme.thresholds, updatedAt: now, rowVersion: scheme.rowVersion + 1 };
  try {
    await writeBatch(ctx.db, [
      ctx.db
        .update(indicatorSchemes)
        .set({ name: next.name, thresholds: next.thresholds, updatedAt: now, rowVersion: next.rowVersion })
        .where(sql`${indicatorSchemes.id} = ${scheme.id} AND ${indicatorSchemes.status} = 'draft' AND ${indicatorSchemes.rowVersion} = ${scheme.rowVersion}`),
      auditGuarded(ctx, {
        action: 'assessment.scheme_update',
        entityType: 'indicator_scheme',
        entityId: scheme.id,
        before: { name: scheme.name, thresholds: scheme.thresholds, indicators: indicators.length },
        after: { name: next.name, thresholds: next.thresholds, indicators: rows.length },
      }),
      ctx.db.delete(schemeIndicators).where(eq(schemeIndicators.schemeId, scheme.id)),
      ...insertRows(schemeIndicators, rows),
    ]);
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('conflict', '指标体系已被他人修改或已发布，请刷新后重试');
    throw err;
  }
  return schemeView(next, rows);
}
