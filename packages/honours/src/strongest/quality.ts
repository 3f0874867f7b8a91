import type { HonourLevel, QualityStatus } from '@ronghe/schema';
import { LEVEL_BODY } from '../shared/guards.ts';

/** The registry's quality status a branch holds for a year, from what is in force then (市级 above 区级 above 标准化规范化). */
export function qualityOf(levels: ReadonlySet<HonourLevel>, standardized: boolean): { status: QualityStatus; by: string | null } {
  if (levels.has('city')) return { status: '最强党支部（市级）', by: LEVEL_BODY.city };
  if (levels.has('county')) return { status: '最强党支部（区级）', by: LEVEL_BODY.county };
  if (standardized) return { status: '标准化规范化', by: LEVEL_BODY.county };
  return { status: '未达标', by: null };
}

/** The registry row describes the latest year decided: an older year's change leaves a newer status alone. */
export function touchesRegistry(orgQualityYear: number | null, year: number): boolean {
  return orgQualityYear === null || year >= orgQualityYear;
}
