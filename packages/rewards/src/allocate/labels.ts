// The Chinese a person reads in an explanation: grades, designations, scores,
// percents. No code or enum value ever reaches the text.
import type { AllocationRules, Grade } from './types.ts';

export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };

/** Designations the honours capability issues (seed 000 11.2.1, seed 004); a round may name others in `rules.designationLabels`. */
export const DESIGNATION_LABELS: Record<string, string> = {
  strongest_county: '县级“最强党支部”',
  strongest_city: '市级“最强党支部”',
  demo_site_county: '县级示范点',
  demo_site_city: '市级示范点',
  standardized: '标准化规范化党支部',
};

export function designationLabel(code: string, rules: Pick<AllocationRules, 'designationLabels'>): string {
  return rules.designationLabels?.[code] ?? DESIGNATION_LABELS[code] ?? '其他认定';
}

/** 9250 → "92.50 分". */
export function formatScore(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} 分`;
}

/** 3000 bp → "30%", 1250 → "12.5%", 1234 → "12.34%". */
export function formatBp(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}%` : `${whole}%`;
}

/** num/den as a percent with one decimal, truncated (an explanation never overstates a share): 873/1000 → "87.3%". */
export function formatRatio(num: bigint, den: bigint): string {
  const tenths = (num * 1000n) / den;
  return `${tenths / 10n}.${tenths % 10n}%`;
}
