import { ORG_DOMAINS, ORG_KINDS, ORG_STATUS_LABELS, QUALITY_STATUSES } from '@ronghe/schema/enums';

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
export const KIND_OPTIONS = opts(ORG_KINDS);
export const DOMAIN_OPTIONS = opts(ORG_DOMAINS);
export const QUALITY_OPTIONS = opts(QUALITY_STATUSES);
/** The same words as the Excel export writes (ORG_STATUS_LABELS). */
export const STATUS_LABELS: Record<string, string> = ORG_STATUS_LABELS;

export const QUALITY_COLORS: Record<string, string> = {
  未达标: 'default',
  标准化规范化: 'blue',
  '最强党支部（区级）': 'gold',
  '最强党支部（市级）': 'red',
};
