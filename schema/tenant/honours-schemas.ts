// The honours capability's edge schemas (zod: inputs, views, labels).
import { z } from '@hono/zod-openapi';
import { DESIGNATION_STATUSES, HONOUR_LEVELS, REVIEW_GRADES, STANDARDIZATION_STATUSES } from './honours.ts';
// Labels live in ../labels.ts (no zod there: the admin UI's pages read them without the schemas).
export { STANDARDIZATION_STATUS_LABELS, HONOUR_LEVEL_LABELS, DESIGNATION_STATUS_LABELS } from '../labels.ts';


const id = (what: string) => z.string({ message: `请选择${what}` }).min(1, { message: `请选择${what}` }).max(40, { message: `${what}编号过长` });
const text = (what: string, min: number, max: number) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(min, { message: `${what}至少 ${min} 个字` })
    .max(max, { message: `${what}不能超过 ${max} 个字` });
const year = z.number({ message: '年度须为数字' }).int({ message: '年度须为整数' }).min(2000, { message: '年度不能早于 2000 年' }).max(2100, { message: '年度不能晚于 2100 年' });
const count = (what: string) => z.number({ message: `请填写${what}` }).int({ message: `${what}须为整数` }).min(0, { message: `${what}不能为负数` }).max(100000, { message: `${what}过大` });

export const YearQuerySchema = z.object({
  year: z.coerce.number({ message: '年度须为数字' }).int({ message: '年度须为整数' }).min(2000, { message: '年度不能早于 2000 年' }).max(2100, { message: '年度不能晚于 2100 年' }),
});

export const StandardizationApplySchema = z
  .object({ orgId: id('申请的党支部'), year, selfAssessment: text('自评情况', 10, 4000) })
  .strict()
  .openapi('StandardizationApply');
export type StandardizationApply = z.infer<typeof StandardizationApplySchema>;

export const DepartmentObjectionSchema = z.object({ department: text('部门名称', 2, 100), text: text('意见内容', 2, 2000) }).strict();

export const StandardizationEvaluateSchema = z
  .object({
    orgScore: z.number({ message: '请填写组织评定得分' }).int({ message: '组织评定得分须为整数' }).min(0, { message: '组织评定得分须在 0–100 之间' }).max(100, { message: '组织评定得分须在 0–100 之间' }),
    annualReviewGrade: z.enum(REVIEW_GRADES, { message: `年度述职评议考核等次须为：${REVIEW_GRADES.join('、')}` }),
    membersEvaluating: count('参加评议党员数').min(1, { message: '参加评议党员数至少为 1' }),
    membersExcellent: count('评为优秀的党员数'),
    membersGood: count('评为良好的党员数'),
    membersFair: count('评为一般的党员数'),
    membersPoor: count('评为较差的党员数'),
    residentsSatisfied: count('群众满意数'),
    residentsBasic: count('群众基本满意数'),
    residentsDissatisfied: count('群众不满意数'),
    residentsDissatisfiedVerified: count('经查证属实的不满意数'),
    departmentsConsulted: count('征求意见的部门数'),
    departmentObjections: z.array(DepartmentObjectionSchema).max(50, { message: '部门意见不能超过 50 条' }),
    note: text('考评意见', 0, 4000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.membersExcellent + v.membersGood + v.membersFair + v.membersPoor !== v.membersEvaluating) {
      ctx.addIssue({ code: 'custom', path: ['membersEvaluating'], message: '优秀、良好、一般、较差人数之和须等于参加评议党员数' });
    }
    if (v.residentsDissatisfiedVerified > v.residentsDissatisfied) {
      ctx.addIssue({ code: 'custom', path: ['residentsDissatisfiedVerified'], message: '查证属实的不满意数不能多于不满意数' });
    }
    if (v.departmentObjections.length > v.departmentsConsulted) {
      ctx.addIssue({ code: 'custom', path: ['departmentObjections'], message: '提出意见的部门不能多于征求意见的部门数' });
    }
  })
  .openapi('StandardizationEvaluate');
export type StandardizationEvaluate = z.infer<typeof StandardizationEvaluateSchema>;

export const StandardizationAcceptSchema = z.object({ note: text('验收意见', 0, 2000).optional() }).strict().openapi('StandardizationAccept');
export const ReasonSchema = z.object({ reason: text('理由', 2, 2000) }).strict().openapi('HonourReason');

export const DepartmentObjectionViewSchema = z.object({ department: z.string(), text: z.string() });

export const StandardizationSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    year: z.number().int(),
    status: z.enum(STANDARDIZATION_STATUSES),
    statusLabel: z.string(),
    selfAssessment: z.string(),
    appliedAt: z.number().int(),
    orgScore: z.number().int().nullable(),
    annualReviewGrade: z.enum(REVIEW_GRADES).nullable(),
    membersEvaluating: z.number().int().nullable(),
    membersExcellent: z.number().int().nullable(),
    membersGood: z.number().int().nullable(),
    membersFair: z.number().int().nullable(),
    membersPoor: z.number().int().nullable(),
    residentsSatisfied: z.number().int().nullable(),
    residentsBasic: z.number().int().nullable(),
    residentsDissatisfied: z.number().int().nullable(),
    residentsDissatisfiedVerified: z.number().int().nullable(),
    departmentsConsulted: z.number().int().nullable(),
    departmentObjections: z.array(DepartmentObjectionViewSchema).nullable(),
    evaluationNote: z.string().nullable(),
    evidence: z
      .object({
        orgLife: z.object({ status: z.enum(['met', 'behind']), behindKinds: z.number().int(), onDate: z.string() }).nullable(),
        weakFlag: z.boolean(),
      })
      .nullable()
      .openapi({ description: '考评时读取的事实：组织生活达标情况、软弱涣散标记' }),
    evaluatedAt: z.number().int().nullable(),
    decisionReason: z.string().nullable(),
    decidedAt: z.number().int().nullable(),
    revokedReason: z.string().nullable(),
    revokedAt: z.number().int().nullable(),
  })
  .openapi('Standardization');
export type StandardizationView = z.infer<typeof StandardizationSchema>;
export const StandardizationListSchema = z.object({ items: z.array(StandardizationSchema) }).openapi('StandardizationList');

export const RuleCheckSchema = z.object({ code: z.string().openapi({ description: '规则代码' }), passed: z.boolean(), sentence: z.string() }).openapi('HonourRuleCheck');
export const StrongestEligibilityQuerySchema = z.object({
  orgId: id('党支部'),
  year: YearQuerySchema.shape.year,
});
export const StrongestEligibilitySchema = z
  .object({ orgId: z.string(), orgName: z.string(), year: z.number().int(), eligible: z.boolean(), rules: z.array(RuleCheckSchema) })
  .openapi('StrongestEligibility');
export type StrongestEligibility = z.infer<typeof StrongestEligibilitySchema>;

export const DesignateSchema = z.object({ orgId: id('党支部'), year, reason: text('评定理由', 2, 2000) }).strict().openapi('HonourDesignate');
export type DesignateInput = z.infer<typeof DesignateSchema>;

export const DesignationSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    year: z.number().int(),
    level: z.enum(HONOUR_LEVELS),
    levelLabel: z.string(),
    status: z.enum(DESIGNATION_STATUSES),
    statusLabel: z.string(),
    reason: z.string(),
    checks: z.array(RuleCheckSchema),
    designatedAt: z.number().int(),
    revokedReason: z.string().nullable(),
    revokedCause: z.enum(['manual', 'weak_flag']).nullable(),
    revokedAt: z.number().int().nullable(),
  })
  .openapi('HonourDesignation');
export type DesignationView = z.infer<typeof DesignationSchema>;
export const DesignationListSchema = z.object({ items: z.array(DesignationSchema) }).openapi('HonourDesignationList');

export const DemoSiteCreateSchema = z
  .object({
    subjectType: z.enum(['org', 'alliance'], { message: '示范点须为党组织或党建联合体' }),
    subjectId: id('示范点对象'),
    year,
    reason: text('评定理由', 2, 2000),
    evidence: text('佐证材料说明', 2, 4000),
    documentIds: z.array(z.string().min(1).max(40)).max(20, { message: '佐证文书不能超过 20 份' }).optional(),
  })
  .strict()
  .openapi('DemoSiteCreate');
export type DemoSiteCreate = z.infer<typeof DemoSiteCreateSchema>;

export const DemoSiteSchema = z
  .object({
    id: z.string(),
    subjectType: z.enum(['org', 'alliance']),
    subjectId: z.string(),
    subjectName: z.string(),
    level: z.enum(HONOUR_LEVELS),
    levelLabel: z.string(),
    year: z.number().int(),
    status: z.enum(DESIGNATION_STATUSES),
    statusLabel: z.string(),
    reason: z.string(),
    evidence: z.string(),
    documentIds: z.array(z.string()),
    designatedAt: z.number().int(),
    revokedReason: z.string().nullable(),
    revokedAt: z.number().int().nullable(),
  })
  .openapi('DemoSite');
export type DemoSiteView = z.infer<typeof DemoSiteSchema>;
export const DemoSiteListSchema = z.object({ items: z.array(DemoSiteSchema) }).openapi('DemoSiteList');

/** 四(一): who may be proposed for party honours in a year; 最强 first. */
export const HonoursEligibilitySchema = z
  .object({
    year: z.number().int(),
    items: z.array(
      z.object({
        orgId: z.string(),
        orgName: z.string(),
        /** 'strongest_city' | 'strongest_county' | 'standardized', in that order of priority. */
        standing: z.enum(['strongest_city', 'strongest_county', 'standardized']),
        standingLabel: z.string(),
        /** Whether its members may be proposed for regional (自治区) honours: only a branch designated 最强 at 区级 or above. */
        regionalHonours: z.boolean(),
      }),
    ),
  })
  .openapi('HonoursEligibility');
export type HonoursEligibility = z.infer<typeof HonoursEligibilitySchema>;

export const HonourIdParam = z.object({
  tenant: z.string().max(40).openapi({ param: { name: 'tenant', in: 'path' }, example: 'hongshan' }),
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '记录编号' }),
});
export const StandardizationListQuerySchema = YearQuerySchema.extend({ orgId: z.string().max(40).optional() });
