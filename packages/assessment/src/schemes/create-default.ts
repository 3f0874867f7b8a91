import { DEFAULT_THRESHOLDS, type SchemeView } from '@ronghe/schema';
import type { Ctx } from '@ronghe/core';
import { insertScheme } from './create.ts';
import { DEFAULT_COUNTY_INDICATORS } from './defaults.ts';
import { checkIndicators } from './rules.ts';

/** 按默认指标创建: a county draft for `year` from the default indicators (see defaults.ts). */
export async function createDefaultScheme({ ctx, input }: { ctx: Ctx; input: { year: number } }): Promise<SchemeView> {
  checkIndicators(DEFAULT_COUNTY_INDICATORS);
  return insertScheme(
    ctx,
    { level: 'county', year: input.year, name: `${input.year}年度党建联合体考核指标体系`, thresholds: { ...DEFAULT_THRESHOLDS }, copiedFromId: null },
    DEFAULT_COUNTY_INDICATORS,
    'assessment.scheme_create',
  );
}
