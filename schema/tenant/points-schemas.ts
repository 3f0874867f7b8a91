// The points capability's edge schemas (zod: inputs, views, labels).
import { z } from '@hono/zod-openapi';
import { ROLES } from '../enums.ts';
import { CAP_PERIODS, ENTRY_KINDS, POINT_SOURCES } from './points.ts';
// Labels live in ../labels.ts (no zod there: the admin UI's pages read them without the schemas).
export { POINT_SOURCE_LABELS, CAP_PERIOD_LABELS, ENTRY_KIND_LABELS } from '../labels.ts';

/** Chinese names of the sources, periods and entry kinds (the UI and the documents use them). */

const ruleCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: '规则代码须为 2–40 位小写字母、数字或下划线' });

export const PointRuleSchema = z
  .object({
    id: z.string().openapi({ description: '规则版本编号（积分明细记录所用版本）' }),
    code: z.string(),
    version: z.number().int(),
    name: z.string(),
    source: z.enum(POINT_SOURCES),
    pointsPerUnit: z.number().int(),
    capPeriod: z.enum(CAP_PERIODS).nullable(),
    capPoints: z.number().int().nullable(),
    awardRoles: z.array(z.enum(ROLES)),
    reasonRequired: z.boolean(),
    enabled: z.boolean(),
    validFrom: z.number().int(),
    createdBy: z.string(),
    createdAt: z.number().int(),
  })
  .openapi('PointRule');
export type PointRuleView = z.infer<typeof PointRuleSchema>;

export const PointRuleListSchema = z.object({ items: z.array(PointRuleSchema) }).openapi('PointRuleList');

export const PointRuleCodeParam = z.object({
  tenant: z.string().max(40).openapi({ param: { name: 'tenant', in: 'path' }, example: 'hongshan' }),
  code: ruleCode.openapi({ param: { name: 'code', in: 'path' }, example: 'service_hour', description: '规则代码' }),
});

/** A rule change: the whole new version (a PUT), with If-Match = the current version. */
export const PointRuleUpdateSchema = z
  .object({
    name: z.string({ message: '请填写规则名称' }).trim().min(2, { message: '规则名称至少 2 个字' }).max(60, { message: '规则名称最多 60 个字' }),
    pointsPerUnit: z.number({ message: '每单位分值须为整数' }).int({ message: '每单位分值须为整数' }).min(0, { message: '每单位分值不能为负' }).max(1000, { message: '每单位分值最多 1000' }),
    capPeriod: z.enum(CAP_PERIODS, { message: '封顶周期须为每月、每季度或每年' }).nullable(),
    capPoints: z.number({ message: '封顶分值须为整数' }).int({ message: '封顶分值须为整数' }).min(0, { message: '封顶分值不能为负' }).max(100000, { message: '封顶分值最多 100000' }).nullable(),
    awardRoles: z.array(z.enum(['county_admin', 'org_liaison'], { message: '手工加分角色只能是旗县区管理员或成员单位联络员' })).max(2, { message: '手工加分角色最多 2 个' }),
    reasonRequired: z.boolean({ message: '请说明是否必须填写理由' }),
    enabled: z.boolean({ message: '请说明规则是否启用' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.capPeriod === null) !== (v.capPoints === null)) {
      ctx.addIssue({ code: 'custom', path: ['capPoints'], message: '封顶周期与封顶分值须同时填写或同时留空' });
    }
  })
  .openapi('PointRuleUpdate');
export type PointRuleUpdate = z.infer<typeof PointRuleUpdateSchema>;

export const PointEntrySchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string().nullable(),
    homeOrgId: z.string().nullable(),
    homeOrgName: z.string().nullable(),
    ruleId: z.string(),
    ruleCode: z.string(),
    ruleName: z.string().nullable(),
    ruleVersion: z.number().int().nullable(),
    kind: z.enum(ENTRY_KINDS),
    points: z.number().int(),
    requested: z.number().int().openapi({ description: '封顶前应得分值' }),
    reason: z.string().nullable(),
    sourceType: z.string(),
    sourceId: z.string().nullable(),
    compensatesId: z.string().nullable(),
    compensatedBy: z.string().nullable().openapi({ description: '冲正本条的明细编号（未冲正为空）' }),
    year: z.number().int(),
    month: z.number().int(),
    occurredAt: z.number().int(),
    createdAt: z.number().int(),
  })
  .openapi('PointEntry');
export type PointEntryView = z.infer<typeof PointEntrySchema>;

const yearSchema = z.coerce.number({ message: '年份须为数字' }).int({ message: '年份须为整数' }).min(2000, { message: '年份不早于 2000' }).max(2100, { message: '年份不晚于 2100' });

export const PointEntryListQuerySchema = z
  .object({
    year: yearSchema.optional(),
    month: z.coerce.number({ message: '月份须为数字' }).int({ message: '月份须为整数' }).min(1, { message: '月份为 1–12' }).max(12, { message: '月份为 1–12' }).optional(),
    personId: z.string().max(40, { message: '人员编号过长' }).optional(),
    ruleCode: ruleCode.optional(),
    kind: z.enum(ENTRY_KINDS, { message: '类型须为自动积分、手工加分或冲正' }).optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type PointEntryListQuery = z.infer<typeof PointEntryListQuerySchema>;

export const PointEntryListSchema = z.object({ items: z.array(PointEntrySchema), nextCursor: z.string().nullable() }).openapi('PointEntryList');

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式须为 YYYY-MM-DD' });

export const ManualAwardSchema = z
  .object({
    personId: z.string({ message: '请选择人员' }).min(1, { message: '请选择人员' }).max(40, { message: '人员编号过长' }),
    ruleCode: ruleCode,
    units: z.number({ message: '数量须为整数' }).int({ message: '数量须为整数' }).min(1, { message: '数量至少为 1' }).max(100, { message: '数量最多 100' }),
    reason: z.string().trim().max(200, { message: '理由最多 200 个字' }).optional(),
    occurredOn: dateOnly.optional().openapi({ description: '发生日期（计入哪个月份），默认今天' }),
  })
  .strict()
  .openapi('ManualAward');
export type ManualAward = z.infer<typeof ManualAwardSchema>;

export const CompensateSchema = z
  .object({ reason: z.string({ message: '请填写冲正理由' }).trim().min(2, { message: '冲正理由至少 2 个字' }).max(200, { message: '冲正理由最多 200 个字' }) })
  .strict()
  .openapi('PointCompensate');

export const PointEntryIdParam = z.object({
  tenant: z.string().max(40).openapi({ param: { name: 'tenant', in: 'path' }, example: 'hongshan' }),
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'ple_01jbz0000000000000000000000', description: '积分明细编号' }),
});

export const LEADERBOARD_KINDS = ['member', 'branch', 'alliance'] as const;

export const LeaderboardQuerySchema = z
  .object({
    by: z.enum(LEADERBOARD_KINDS, { message: '排行类型须为党员、支部或联合体' }).optional(),
    year: yearSchema,
    month: z.coerce.number({ message: '月份须为数字' }).int({ message: '月份须为整数' }).min(1, { message: '月份为 1–12' }).max(12, { message: '月份为 1–12' }).optional(),
    quarter: z.coerce.number({ message: '季度须为数字' }).int({ message: '季度须为整数' }).min(1, { message: '季度为 1–4' }).max(4, { message: '季度为 1–4' }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.month !== undefined && v.quarter !== undefined) ctx.addIssue({ code: 'custom', path: ['quarter'], message: '月份与季度只能选一个' });
  });
export type LeaderboardQuery = z.infer<typeof LeaderboardQuerySchema>;

export const LeaderboardRowSchema = z.object({ rank: z.number().int(), id: z.string(), name: z.string(), total: z.number().int(), orgName: z.string().nullable() }).openapi('LeaderboardRow');
export const LeaderboardSchema = z
  .object({
    by: z.enum(LEADERBOARD_KINDS),
    year: z.number().int(),
    month: z.number().int().nullable(),
    quarter: z.number().int().nullable(),
    items: z.array(LeaderboardRowSchema).openapi({ description: '前 100 名；并列同名次' }),
  })
  .openapi('Leaderboard');
export type LeaderboardView = z.infer<typeof LeaderboardSchema>;

export const MyPointsQuerySchema = z.object({ year: yearSchema.optional() }).strict();

export const MyPointsSchema = z
  .object({
    year: z.number().int(),
    total: z.number().int(),
    rankInCounty: z.number().int().nullable().openapi({ description: '全旗县区名次（无积分为空）' }),
    countyPeople: z.number().int(),
    rankInBranch: z.number().int().nullable(),
    branchPeople: z.number().int(),
    branchName: z.string().nullable(),
    entries: z.array(
      z.object({ id: z.string(), ruleName: z.string().nullable(), kind: z.enum(ENTRY_KINDS), points: z.number().int(), reason: z.string().nullable(), occurredAt: z.number().int(), createdAt: z.number().int() }),
    ),
  })
  .openapi('MyPoints');
export type MyPointsView = z.infer<typeof MyPointsSchema>;
