import { sql } from 'drizzle-orm';
import { auditInsert, insertRows, newId, writeBatch, type Ctx } from '@ronghe/core';
import { DEFAULT_THRESHOLDS, indicatorSchemes, schemeIndicators, type GradeThresholds, type IndicatorInput, type IndicatorScheme, type SchemeCreate, type SchemeLevel, type SchemeView } from '@ronghe/schema';
import { checkIndicators, indicatorRows } from './rules.ts';
import { schemeView } from './view.ts';

/**
 * A new draft scheme for a level and year: the next version of that level and
 * year. Two saving at once race for the same version and the unique index
 * lets one win; the other retries once with the next number.
 */
export async function createScheme({ ctx, input }: { ctx: Ctx; input: SchemeCreate }): Promise<SchemeView> {
  checkIndicators(input.indicators);
  return insertScheme(ctx, { level: input.level, year: input.year, name: input.name, thresholds: input.thresholds ?? { ...DEFAULT_THRESHOLDS }, copiedFromId: null }, input.indicators, 'assessment.scheme_create');
}

export async function insertScheme(
  ctx: Ctx,
  head: { level: SchemeLevel; year: number; name: string; thresholds: GradeThresholds; copiedFromId: string | null },
  indicators: readonly IndicatorInput[],
  action: string,
): Promise<SchemeView> {
  for (let attempt = 0; ; attempt++) {
    const now = ctx.clock.now();
    const last = await ctx.db
      .select({ v: sql<number>`coalesce(max(${indicatorSchemes.version}), 0)` })
      .from(indicatorSchemes)
      .where(sql`${indicatorSchemes.level} = ${head.level} AND ${indicatorSchemes.year} = ${head.year}`)
      .get();
    const scheme: IndicatorScheme = {
      id: newId('isc', now),
      ...head,
      version: Number(last?.v ?? 0) + 1,
      status: 'draft',
      frozenAt: null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
      rowVersion: 1,
    };
    const rows = indicatorRows(scheme.id, indicators, now);
    try {
      await writeBatch(ctx.db, [
        ctx.db.insert(indicatorSchemes).values(scheme),
        ...insertRows(schemeIndicators, rows),
        auditInsert(ctx, { action, entityType: 'indicator_scheme', entityId: scheme.id, after: { level: scheme.level, year: scheme.year, version: scheme.version, name: scheme.name, status: scheme.status, copiedFromId: scheme.copiedFromId, indicators: rows.length } }),
      ]);
      return schemeView(scheme, rows);
    } catch (err) {
      if (attempt < 2 && /UNIQUE constraint failed: indicator_schemes/.test(String((err as Error)?.message) + String((err as { cause?: Error })?.cause?.message ?? ''))) continue;
      throw err;
    }
  }
}
