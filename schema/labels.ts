// The Chinese labels of coded values whose vocabularies are declared beside their tables
// (tenant/*.ts). Plain constants, no zod: the admin UI's pages show them without loading the
// shared schemas (docs/adr/0031), and the schema files re-export them, so every import of them
// through `@ronghe/schema` is unchanged. Labels of the vocabularies in enums.ts live there.
import type {
  ASSESSMENT_GRADES,
  RESIDENT_LEVELS,
  AssessmentGrade,
  AssessmentStatus,
  RaterGroup,
  SchemeLevel,
  SchemeStatus,
} from './tenant/assessment.ts';
import type { FUND_ENTRY_KINDS, FUND_SOURCES } from './tenant/funds.ts';
import type { DESIGNATION_STATUSES, HONOUR_LEVELS, STANDARDIZATION_STATUSES } from './tenant/honours.ts';
import type { CAP_PERIODS, ENTRY_KINDS, POINT_SOURCES } from './tenant/points.ts';
import type { DISBURSEMENT_STATUSES, ROUND_SUBJECTS } from './tenant/rewards.ts';

export { API_SCOPE_LABELS } from './api-scopes.ts';

// ── 考核评价 (assessment) ──
export const SCHEME_LEVEL_LABELS: Record<SchemeLevel, string> = { county: '旗县区级', city: '市级' };
export const SCHEME_STATUS_LABELS: Record<SchemeStatus, string> = { draft: '草稿', published: '已发布', frozen: '已冻结' };
export const RATER_GROUP_LABELS: Record<RaterGroup, string> = {
  committee: '组织评定',
  member: '党员评议',
  resident: '群众评判',
  department: '社会评价',
  member_org: '成员单位评价',
};
export const ASSESSMENT_GRADE_LABELS: Record<AssessmentGrade, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = { open: '考核中', finalized: '已定档' };

// ── 评议 (ratings) ──
export const RATING_LEVEL_LABELS: Record<(typeof ASSESSMENT_GRADES)[number] | (typeof RESIDENT_LEVELS)[number], string> = {
  excellent: '优秀',
  good: '良好',
  fair: '一般',
  poor: '较差',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

// ── 积分 (points) ──
export const POINT_SOURCE_LABELS: Record<(typeof POINT_SOURCES)[number], string> = {
  org_life: '组织生活',
  study: '政治学习',
  service_hour: '志愿服务时长',
  post_duty: '报到领岗',
  activity_attendance: '联合体活动',
  project_contribution: '项目贡献',
  report_participation: '双报到参与',
  manual: '其他（手工）',
};
export const CAP_PERIOD_LABELS: Record<(typeof CAP_PERIODS)[number], string> = { month: '每月', quarter: '每季度', year: '每年' };
export const ENTRY_KIND_LABELS: Record<(typeof ENTRY_KINDS)[number], string> = { award: '自动积分', manual: '手工加分', compensation: '冲正' };

// ── 荣誉 (honours) ──
export const STANDARDIZATION_STATUS_LABELS: Record<(typeof STANDARDIZATION_STATUSES)[number], string> = {
  applied: '已申请，待街道党工委考评',
  evaluated: '已考评，待区委组织部验收',
  accepted: '验收通过',
  returned: '已退回',
  revoked: '已取消评定',
};
export const HONOUR_LEVEL_LABELS: Record<(typeof HONOUR_LEVELS)[number], string> = { county: '区级', city: '市级' };
export const DESIGNATION_STATUS_LABELS: Record<(typeof DESIGNATION_STATUSES)[number], string> = { in_force: '有效', revoked: '已撤销' };

// ── 以奖代补 (rewards) ──
export const ROUND_SUBJECT_LABELS: Record<(typeof ROUND_SUBJECTS)[number], string> = { alliance: '党建联合体', branch: '党支部' };
export const DISBURSEMENT_STATUS_LABELS: Record<(typeof DISBURSEMENT_STATUSES)[number], string> = { planned: '待拨付', paid: '已拨付' };

// ── 经费 (funds) ──
export const FUND_ENTRY_KIND_LABELS: Record<(typeof FUND_ENTRY_KINDS)[number], string> = { income: '收入', spending: '支出' };
export const FUND_SOURCE_LABELS: Record<(typeof FUND_SOURCES)[number], string> = {
  allocation: '上级拨',
  contribution: '各方筹',
  party_fee: '党费补',
  other: '其他',
};

// ── Webhooks ──
/**
 * The event types a webhook may receive (issue 14 § Webhooks, ADR 0028): a
 * public-safe subset of the domain-event catalogue (packages/events), each
 * with its Chinese label for the admin UI. Their payloads carry ids, statuses,
 * kinds and quantities only — never a person's name, phone, identity number or
 * text a person wrote (a need's description, a note).
 */
export const WEBHOOK_EVENT_TYPES = {
  'need.created': '需求登记',
  'need.withdrawn': '需求撤回',
  'need.closed': '需求关闭',
  'match.accepted': '需求资源对接成功',
  'resource.created': '资源登记',
  'resource.withdrawn': '资源撤回',
  'project.created': '项目新建',
  'project.started': '项目开始实施',
  'project.completed': '项目完成',
  'project.accepted': '项目通过验收',
  'project.returned': '项目被退回',
  'project.cancelled': '项目取消',
  'alliance.approved': '联合体获批准',
  'alliance.established': '联合体登记成立',
  'alliance.started': '联合体开始运行',
  'alliance.rectification_ordered': '联合体被责令整改',
  'alliance.restored': '联合体整改后恢复运行',
  'alliance.dissolved': '联合体撤销',
  'activity.created': '活动登记',
  'activity.updated': '活动开展、取消或修改',
} as const;
export const WEBHOOK_STATUS_LABELS = { enabled: '启用', disabled: '停用' } as const;
export const WEBHOOK_DELIVERY_STATUS_LABELS = { pending: '待投递', delivered: '已送达', failed: '失败' } as const;
