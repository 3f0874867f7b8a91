import { asc, eq } from 'drizzle-orm';
import { notFound, type Ctx } from '@ronghe/core';
import {
  INDICATOR_KIND_LABELS,
  INDICATOR_METRIC_LABELS,
  indicatorSchemes,
  RATER_GROUP_LABELS,
  SCHEME_LEVEL_LABELS,
  SCHEME_STATUS_LABELS,
  schemeIndicators,
  type IndicatorScheme,
  type SchemeIndicator,
  type SchemeView,
} from '@ronghe/schema';

/** A scheme with its indicators in position order, or null. One round trip. */
export async function loadScheme(ctx: Ctx, id: string): Promise<{ scheme: IndicatorScheme; indicators: SchemeIndicator[] } | null> {
  const [schemes, indicators] = await ctx.db.batch([
    ctx.db.select().from(indicatorSchemes).where(eq(indicatorSchemes.id, id)),
    ctx.db.select().from(schemeIndicators).where(eq(schemeIndicators.schemeId, id)).orderBy(asc(schemeIndicators.position)),
  ]);
  return schemes[0] ? { scheme: schemes[0], indicators } : null;
}

export async function requireScheme(ctx: Ctx, id: string) {
  const s = await loadScheme(ctx, id);
  if (!s) throw notFound('指标体系');
  return s;
}

export function schemeView(scheme: IndicatorScheme, indicators: readonly SchemeIndicator[]): SchemeView {
  return {
    id: scheme.id,
    level: scheme.level,
    levelLabel: SCHEME_LEVEL_LABELS[scheme.level],
    year: scheme.year,
    version: scheme.version,
    name: scheme.name,
    status: scheme.status,
    statusLabel: SCHEME_STATUS_LABELS[scheme.status],
    thresholds: scheme.thresholds,
    copiedFromId: scheme.copiedFromId,
    weightSum: indicators.reduce((s, i) => s + i.weight, 0),
    indicators: indicators.map((i) => ({
      id: i.id,
      position: i.position,
      name: i.name,
      criteria: i.criteria,
      kind: i.kind,
      kindLabel: INDICATOR_KIND_LABELS[i.kind],
      metric: i.metric,
      metricLabel: i.metric ? INDICATOR_METRIC_LABELS[i.metric] : null,
      raterGroup: i.raterGroup,
      raterGroupLabel: i.raterGroup ? RATER_GROUP_LABELS[i.raterGroup] : null,
      weight: i.weight,
      maxScore: i.maxScore,
    })),
    rowVersion: scheme.rowVersion,
  };
}
