import { ASSESSMENT_GRADE_LABELS, ROUND_DESIGNATION_LABELS, ROUND_DESIGNATIONS, ROUND_SUBJECT_LABELS, type RoundView } from '@ronghe/schema';
import { formatFen } from '../../lib/money.ts';

export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_OPTIONS = GRADES.map((g) => ({ value: g, label: ASSESSMENT_GRADE_LABELS[g] }));
export const DESIGNATION_OPTIONS = ROUND_DESIGNATIONS.map((d) => ({ value: d, label: ROUND_DESIGNATION_LABELS[d] }));
export const SUBJECT_OPTIONS = (['alliance', 'branch'] as const).map((s) => ({ value: s, label: ROUND_SUBJECT_LABELS[s] }));
export const designationLabel = (d: string) => ROUND_DESIGNATION_LABELS[d as keyof typeof ROUND_DESIGNATION_LABELS] ?? '其他认定';

export const METHOD_LABELS = { tiered_grade: '按考核等次定额', tiered_designation: '按荣誉定额', proportional: '按得分比例', base_uplift: '基数加上浮' } as const;
export type MethodKind = keyof typeof METHOD_LABELS;
export const METHOD_OPTIONS = (Object.keys(METHOD_LABELS) as MethodKind[]).map((k) => ({ value: k, label: METHOD_LABELS[k] }));

/** 9250 → "92.50"; 3000 bp → "30". */
export const hundredthsText = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
export const bpText = (bp: number) => {
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${Math.floor(bp / 100)}.${frac}` : `${Math.floor(bp / 100)}`;
};

/** "92.5" → 9250, exactly; null for anything but a number with at most two decimals. */
export function toHundredths(raw: string | undefined | null): number | null {
  const m = /^(\d{1,6})(?:\.(\d{0,2}))?$/.exec(String(raw ?? '').trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A round's method in words, as the list shows it. */
export function methodSummary(r: Pick<RoundView, 'method'>): string {
  const m = r.method;
  switch (m.kind) {
    case 'tiered_grade':
      return `${METHOD_LABELS.tiered_grade}：${GRADES.filter((g) => m.tiers[g] !== undefined).map((g) => `${ASSESSMENT_GRADE_LABELS[g]} ${formatFen(m.tiers[g])}`).join('，') || '未设档位'}`;
    case 'tiered_designation':
      return `${METHOD_LABELS.tiered_designation}：${m.tiers.map((t) => `${designationLabel(t.designation)} ${formatFen(t.amountFen)}`).join('，')}`;
    case 'proportional':
      return `${METHOD_LABELS.proportional}：${hundredthsText(m.thresholdHundredths)} 分以上${m.fenPerPoint === undefined ? '按比例分配预算' : `每分 ${formatFen(m.fenPerPoint)}`}`;
    case 'base_uplift':
      return `${METHOD_LABELS.base_uplift}：基数 ${formatFen(m.baseFen)}${m.uplifts.map((u) => `；${designationLabel(u.designation)}${u.percentBp !== undefined ? `上浮 ${bpText(u.percentBp)}%` : ''}${u.fixedFen !== undefined ? `一次性 ${formatFen(u.fixedFen)}` : ''}`).join('')}`;
  }
}
