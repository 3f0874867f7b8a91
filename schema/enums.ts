// Controlled vocabularies of DOMAIN.md. Stored values are the Chinese terms
// officials use, so exports, filters and audit records read naturally.

export const ORG_KINDS = ['党委', '党总支', '党支部', '党工委', '党组', '联合党委', '联合党支部', '党小组'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_DOMAINS = [
  '旗县区委',
  '嘎查村',
  '社区',
  '街道',
  '苏木乡镇',
  '机关',
  '事业单位',
  '国有企业',
  '非公有制企业',
  '社会组织',
  '园区',
  '商务楼宇',
  '商圈市场',
  '学校',
  '医院',
  '互联网企业',
  '物业',
  '业委会',
  '网格',
  '楼栋',
] as const;
export type OrgDomain = (typeof ORG_DOMAINS)[number];

/** Branch quality (seed 004): 未达标 → 标准化规范化 → 最强党支部 (区级/市级). */
export const QUALITY_STATUSES = ['未达标', '标准化规范化', '最强党支部（区级）', '最强党支部（市级）'] as const;
export type QualityStatus = (typeof QUALITY_STATUSES)[number];

export const ORG_STATUSES = ['active', 'inactive'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const ROLES = ['city_admin', 'county_admin', 'committee_reviewer', 'alliance_admin', 'org_liaison', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市委组织部管理员',
  county_admin: '旗县区委组织部管理员',
  committee_reviewer: '街道/苏木乡镇党(工)委审核人',
  alliance_admin: '联合体牵头党组织书记',
  org_liaison: '成员单位联络员',
  member: '党员',
};
