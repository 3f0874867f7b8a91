import { CAP_PERIOD_LABELS, ENTRY_KIND_LABELS, POINT_SOURCE_LABELS } from '@ronghe/schema/labels';

// Words the points pages show for coded values (never the codes themselves).
export const sourceLabel = (s: string) => (POINT_SOURCE_LABELS as Record<string, string>)[s] ?? '其他';
export const kindLabel = (k: string) => (ENTRY_KIND_LABELS as Record<string, string>)[k] ?? '其他';
export const capLabel = (period: string | null, points: number | null) =>
  period && points !== null ? `${(CAP_PERIOD_LABELS as Record<string, string>)[period] ?? ''}最多 ${points} 分` : '不封顶';
export const ROLE_TEXT: Record<string, string> = { county_admin: '旗县区管理员', org_liaison: '成员单位联络员' };
