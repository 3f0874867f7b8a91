import type { CapPeriod, PointSource } from '@ronghe/schema';
import type { Role } from '@ronghe/schema';

/** A rule as data, before it is a version row. */
export interface RuleSpec {
  code: string;
  name: string;
  source: PointSource;
  pointsPerUnit: number;
  capPeriod: CapPeriod | null;
  capPoints: number | null;
  awardRoles: Role[];
  reasonRequired: boolean;
  enabled: boolean;
}

/**
 * Every county starts with these rules (version 1, written by the custom
 * migration 0017_points_default_rules; packages/points/src/rules/defaults.node.test.ts
 * checks the SQL matches). The shape follows the common 党员积分制管理
 * practice that seed 002 (九) asks for — organizational life, political study,
 * service and 作用发挥 quantified per occurrence, each with a monthly or yearly
 * ceiling so one kind of activity cannot dominate a ranking:
 *  - 三会一课/主题党日 attendance 2 points each, at most 10 a month;
 *  - 政治学习 (学习强国, 专题学习) 1 point each, at most 5 a month, awarded by the branch;
 *  - volunteer service 1 point per full confirmed hour ("每满1小时积1分"), at most 20 a month;
 *  - 报到领岗: 5 points per approved post, at most 10 a year;
 *  - joint activity attendance 2 points each, at most 10 a month;
 *  - project contribution 5 points per unit, by hand (see consumer: project.accepted names no persons), at most 20 a year;
 *  - 双报到 community service 1 point per full recorded hour, at most 10 a month;
 *  - other 作用发挥 / 评先评优, by the county, no cap, reason required.
 * The county administrator edits them (each change a new version).
 */
export const DEFAULT_RULES: readonly RuleSpec[] = [
  { code: 'org_life', name: '参加组织生活（三会一课、主题党日等）', source: 'org_life', pointsPerUnit: 2, capPeriod: 'month', capPoints: 10, awardRoles: ['county_admin', 'org_liaison'], reasonRequired: true, enabled: true },
  { code: 'study', name: '政治学习', source: 'study', pointsPerUnit: 1, capPeriod: 'month', capPoints: 5, awardRoles: ['county_admin', 'org_liaison'], reasonRequired: true, enabled: true },
  { code: 'service_hour', name: '志愿服务（每满1小时）', source: 'service_hour', pointsPerUnit: 1, capPeriod: 'month', capPoints: 20, awardRoles: ['county_admin'], reasonRequired: true, enabled: true },
  { code: 'post_duty', name: '报到领岗', source: 'post_duty', pointsPerUnit: 5, capPeriod: 'year', capPoints: 10, awardRoles: ['county_admin'], reasonRequired: true, enabled: true },
  { code: 'activity_attendance', name: '参加联合体活动', source: 'activity_attendance', pointsPerUnit: 2, capPeriod: 'month', capPoints: 10, awardRoles: ['county_admin'], reasonRequired: true, enabled: true },
  { code: 'project_contribution', name: '参与项目攻坚', source: 'project_contribution', pointsPerUnit: 5, capPeriod: 'year', capPoints: 20, awardRoles: ['county_admin', 'org_liaison'], reasonRequired: true, enabled: true },
  { code: 'report_participation', name: '双报到社区服务（每满1小时）', source: 'report_participation', pointsPerUnit: 1, capPeriod: 'month', capPoints: 10, awardRoles: ['county_admin'], reasonRequired: true, enabled: true },
  { code: 'manual', name: '其他作用发挥', source: 'manual', pointsPerUnit: 1, capPeriod: null, capPoints: null, awardRoles: ['county_admin'], reasonRequired: true, enabled: true },
];

/** The id of a default rule's first version (fixed, so the migration and the demo data agree). */
export const defaultRuleId = (code: string) => `ptr_default_${code}`;

/** The custom migration's INSERT of the defaults (one statement, no bound parameters). */
export function defaultRulesSql(): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const rows = DEFAULT_RULES.map(
    (r) =>
      `(${q(defaultRuleId(r.code))}, ${q(r.code)}, 1, ${q(r.name)}, ${q(r.source)}, ${r.pointsPerUnit}, ${r.capPeriod ? q(r.capPeriod) : 'NULL'}, ${r.capPoints ?? 'NULL'}, ${q(JSON.stringify(r.awardRoles))}, ${r.reasonRequired ? 1 : 0}, ${r.enabled ? 1 : 0}, 0, 'system', 0)`,
  );
  return `INSERT OR IGNORE INTO point_rules (id, code, version, name, source, points_per_unit, cap_period, cap_points, award_roles, reason_required, enabled, valid_from, created_by, created_at) VALUES\n  ${rows.join(',\n  ')};`;
}
