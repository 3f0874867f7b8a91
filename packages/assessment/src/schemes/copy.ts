import type { Ctx } from '@ronghe/core';
import type { SchemeView } from '@ronghe/schema';
import { insertScheme } from './create.ts';
import { requireScheme } from './view.ts';

/** 沿用: a new draft for `year` with the same indicators and thresholds, naming the scheme it came from. */
export async function copyScheme({ ctx, input }: { ctx: Ctx; input: { id: string; year: number } }): Promise<SchemeView> {
  const { scheme, indicators } = await requireScheme(ctx, input.id);
  const name = scheme.year === input.year ? scheme.name : scheme.name.replace(String(scheme.year), String(input.year));
  return insertScheme(
    ctx,
    { level: scheme.level, year: input.year, name, thresholds: scheme.thresholds, copiedFromId: scheme.id },
    indicators.map((i) => ({ name: i.name, criteria: i.criteria, kind: i.kind, metric: i.metric, raterGroup: i.raterGroup, weight: i.weight, maxScore: i.maxScore })),
    'assessment.scheme_copy',
  );
}
