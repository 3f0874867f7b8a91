import {
  ADJUSTMENT_KIND_LABELS,
  ALLIANCE_ACTION_LABELS,
  ALLIANCE_ACTIONS,
  ALLIANCE_MODELS,
  ALLIANCE_STATUS_LABELS,
  ALLIANCE_STATUSES,
  ALLIANCE_TYPES,
  CONSORTIUM_ROLES,
  DOCUMENT_KIND_LABELS,
  EDITABLE_DOCUMENT_KINDS,
  GOVERNANCE_LAYERS,
  GOVERNANCE_POSTS,
  PAIRING_FORMS,
  type AdjustmentKind,
  type AllianceAction,
  type AllianceStatus,
  type DocumentKind,
} from '@ronghe/schema/enums';

export { ADJUSTMENT_KIND_LABELS, ALLIANCE_ACTION_LABELS, ALLIANCE_ACTIONS, ALLIANCE_STATUS_LABELS, DOCUMENT_KIND_LABELS, GOVERNANCE_LAYERS };
export type { AdjustmentKind, AllianceAction, AllianceStatus, DocumentKind };

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export const TYPE_OPTIONS = opts(ALLIANCE_TYPES);
export const MODEL_OPTIONS = opts(ALLIANCE_MODELS);
export const PAIRING_OPTIONS = opts(PAIRING_FORMS);
export const CONSORTIUM_ROLE_OPTIONS = opts(CONSORTIUM_ROLES);
export const POST_OPTIONS = opts(GOVERNANCE_POSTS);
export const STATUS_OPTIONS = ALLIANCE_STATUSES.map((s) => ({ value: s, label: ALLIANCE_STATUS_LABELS[s] }));
export const EDITABLE_KIND_OPTIONS = EDITABLE_DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }));

/** The industrial type carries the consortium profile (seed 000 10.1.2). */
export const INDUSTRIAL_TYPE = '党建引领产业发展共同体';
/** Suggestions from seed 003 (铁南社区's 27-unit 大党委); an alliance may name its own. */
export const HOUSE_RULE_SUGGESTIONS = ['共建准入', '书记轮值', '多网合一', '清单管理', '联席会议', '结对共建'];

/** The colours live with the status labels in shared/, where the alliance picker also shows them. */
export { ALLIANCE_STATUS_COLORS as STATUS_COLORS } from '../../../shared/allianceStatus.ts';

/** Statuses whose structure (members, type, lead) is still a draft the lead may change freely. */
export const DRAFTING: ReadonlySet<AllianceStatus> = new Set(['draft', 'rejected']);

/** Actions that end or set back an alliance: their buttons are red. */
export const DANGEROUS: ReadonlySet<AllianceAction> = new Set(['withdraw', 'reject', 'rectify', 'dissolve']);

export const ADJUSTMENT_STATUS_LABELS = { proposed: '待决定', approved: '已批准', rejected: '未批准' } as const;
export const ADJUSTMENT_STATUS_COLORS = { proposed: 'processing', approved: 'success', rejected: 'error' } as const;

export const docKindLabel = (k: string) => DOCUMENT_KIND_LABELS[k as DocumentKind] ?? k;

/** Basis points as the percent officials write: 2500 → "25%", 3333 → "33.33%". */
export function percent(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}
