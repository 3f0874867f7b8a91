import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { indicatorSchemes, schemeIndicators, type SchemeIndicator, type SchemeView } from '@ronghe/schema';
import { requireScheme, schemeView } from './view.ts';

/** Schemes (of a year, or all), newest year and version first, with their indicators. Two reads. */
export async function listSchemes({ ctx, input }: { ctx: Ctx; input: { year?: number } }): Promise<{ items: SchemeView[] }> {
  const schemes = await ctx.db
    .select()
    .from(indicatorSchemes)
    .where(input.year === undefined ? undefined : eq(indicatorSchemes.year, input.year))
    .orderBy(desc(indicatorSchemes.year), asc(indicatorSchemes.level), desc(indicatorSchemes.version))
    .limit(200);
  if (!schemes.length) return { items: [] };
  const rows = await ctx.db
    .select()
    .from(schemeIndicators)
    .where(inArray(schemeIndicators.schemeId, schemes.slice(0, 90).map((s) => s.id)))
    .orderBy(asc(schemeIndicators.position));
  const of = new Map<string, SchemeIndicator[]>();
  for (const r of rows) of.set(r.schemeId, [...(of.get(r.schemeId) ?? []), r]);
  // Indicators of the first 90 schemes (bound-parameter limit); more than that in one county is not expected.
  return { items: schemes.slice(0, 90).map((s) => schemeView(s, of.get(s.id) ?? [])) };
}

export async function getScheme({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<SchemeView> {
  const { scheme, indicators } = await requireScheme(ctx, input.id);
  return schemeView(scheme, indicators);
}
