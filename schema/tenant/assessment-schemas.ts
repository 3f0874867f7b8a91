// The assessment capability's edge schemas (zod: inputs, views, labels).
import { z } from '@hono/zod-openapi';
import {
  ASSESSMENT_GRADES,
  ASSESSMENT_STATUSES,
  INDICATOR_KINDS,
  INDICATOR_METRICS,
  RATER_GROUPS,
  SCHEME_LEVELS,
  SCHEME_STATUSES,
  type IndicatorKind,
  type IndicatorMetric,
} from './assessment.ts';
// Labels live in ../labels.ts (no zod there: the admin UI's pages read them without the schemas).
export { SCHEME_LEVEL_LABELS, SCHEME_STATUS_LABELS, RATER_GROUP_LABELS, ASSESSMENT_GRADE_LABELS, ASSESSMENT_STATUS_LABELS } from '../labels.ts';

// ── Schemes and assessments (lane assess) ───────────────────────────────────

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = { computed: '系统计算', rated: '评议打分', scored: '考核组评分' };
export const INDICATOR_METRIC_LABELS: Record<IndicatorMetric, string> = {
  quota_compliance: '“五个一”活动完成率',
  meetings_held: '联席会议召开情况',
  projects_on_time: '项目按期完成率',
  needs_met: '需求满足率',
  overdue_items: '逾期事项',
  points_per_member: '党员人均积分',
  member_report_compliance: '在职党员“双报到”达标率',
  member_org_satisfaction: '成员单位满意度',
};

/** Default thresholds (hundredths of a point): 优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60, else 较差. */
export const DEFAULT_THRESHOLDS = { excellent: 9000, good: 8000, fair: 6000 } as const;

const year = z.coerce.number().int().min(2000, { message: '年度须在 2000–2100 之间' }).max(2100, { message: '年度须在 2000–2100 之间' });
const hundredths = z.number().int({ message: '须为整数（单位：0.01 分）' }).min(0, { message: '不能为负数' }).max(10000, { message: '不能超过 100 分（10000）' });

export const GradeThresholdsSchema = z
  .object({ excellent: hundredths, good: hundredths, fair: hundredths })
  .strict()
  .refine((t) => t.excellent > t.good && t.good > t.fair, { message: '分档线须满足：优秀 > 良好 > 一般', path: ['good'] })
  .openapi('GradeThresholds');

export const IndicatorInputSchema = z
  .object({
    name: z.string().trim().min(1, { message: '请填写指标名称' }).max(60, { message: '指标名称不超过 60 字' }),
    criteria: z.string().trim().max(500, { message: '评分标准不超过 500 字' }).optional(),
    kind: z.enum(INDICATOR_KINDS, { message: '指标类型须为：系统计算、评议打分或考核组评分' }),
    metric: z.enum(INDICATOR_METRICS, { message: '请选择计算口径' }).nullable().optional(),
    raterGroup: z.enum(RATER_GROUPS, { message: '请选择评议主体' }).nullable().optional(),
    weight: z.number().int({ message: '权重须为整数（%）' }).min(1, { message: '权重须在 1–100 之间' }).max(100, { message: '权重须在 1–100 之间' }),
    maxScore: z.number().int({ message: '满分须为整数' }).min(1, { message: '满分须在 1–1000 之间' }).max(1000, { message: '满分须在 1–1000 之间' }),
  })
  .strict()
  .superRefine((v, c) => {
    if (v.kind === 'computed' && !v.metric) c.addIssue({ code: 'custom', path: ['metric'], message: '系统计算的指标须选择计算口径' });
    if (v.kind !== 'computed' && v.metric) c.addIssue({ code: 'custom', path: ['metric'], message: '只有系统计算的指标有计算口径' });
    if (v.kind === 'rated' && !v.raterGroup) c.addIssue({ code: 'custom', path: ['raterGroup'], message: '评议打分的指标须选择评议主体' });
    if (v.kind !== 'rated' && v.raterGroup) c.addIssue({ code: 'custom', path: ['raterGroup'], message: '只有评议打分的指标有评议主体' });
  })
  .openapi('IndicatorInput');
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

const indicatorList = z
  .array(IndicatorInputSchema)
  .min(1, { message: '至少设置一项指标' })
  .max(30, { message: '指标不超过 30 项' });

export const SchemeCreateSchema = z
  .object({
    level: z.enum(SCHEME_LEVELS, { message: '层级须为旗县区级或市级' }),
    year,
    name: z.string().trim().min(2, { message: '请填写指标体系名称（至少 2 字）' }).max(60, { message: '名称不超过 60 字' }),
    thresholds: GradeThresholdsSchema.optional(),
    indicators: indicatorList,
  })
  .strict()
  .openapi('SchemeCreate');
export type SchemeCreate = z.infer<typeof SchemeCreateSchema>;

export const SchemeUpdateSchema = z
  .object({
    name: z.string().trim().min(2, { message: '请填写指标体系名称（至少 2 字）' }).max(60, { message: '名称不超过 60 字' }),
    thresholds: GradeThresholdsSchema,
    indicators: indicatorList,
  })
  .strict()
  .openapi('SchemeUpdate');
export type SchemeUpdate = z.infer<typeof SchemeUpdateSchema>;

export const SchemeCopySchema = z.object({ year }).strict().openapi('SchemeCopy');
export const SchemeDefaultSchema = z.object({ year }).strict().openapi('SchemeDefault');
export const SchemeListQuery = z.object({ year: year.optional() }).strict();

export const IndicatorViewSchema = z
  .object({
    id: z.string(),
    position: z.number().int(),
    name: z.string(),
    criteria: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    kindLabel: z.string(),
    metric: z.enum(INDICATOR_METRICS).nullable(),
    metricLabel: z.string().nullable(),
    raterGroup: z.enum(RATER_GROUPS).nullable(),
    raterGroupLabel: z.string().nullable(),
    weight: z.number().int(),
    maxScore: z.number().int(),
  })
  .openapi('SchemeIndicator');

export const SchemeViewSchema = z
  .object({
    id: z.string(),
    level: z.enum(SCHEME_LEVELS),
    levelLabel: z.string(),
    year: z.number().int(),
    version: z.number().int(),
    name: z.string(),
    status: z.enum(SCHEME_STATUSES),
    statusLabel: z.string(),
    thresholds: z.object({ excellent: z.number().int(), good: z.number().int(), fair: z.number().int() }),
    copiedFromId: z.string().nullable(),
    weightSum: z.number().int(),
    indicators: z.array(IndicatorViewSchema),
    rowVersion: z.number().int(),
  })
  .openapi('IndicatorScheme');
export type SchemeView = z.infer<typeof SchemeViewSchema>;
export const SchemeListSchema = z.object({ items: z.array(SchemeViewSchema) }).openapi('IndicatorSchemeList');

export const AssessmentOpenSchema = z
  .object({ allianceId: z.string().min(1, { message: '请选择党建联合体' }), schemeId: z.string().min(1, { message: '请选择指标体系' }) })
  .strict()
  .openapi('AssessmentOpen');
export type AssessmentOpen = z.infer<typeof AssessmentOpenSchema>;

export const ScoreEntrySchema = z
  .object({
    /** Hundredths of a raw point on the indicator's own scale (7.5 of 10 → 750). */
    raw: z.number().int({ message: '得分须为整数（单位：0.01 分）' }).min(0, { message: '得分不能为负数' }),
    note: z.string().trim().max(500, { message: '说明不超过 500 字' }).optional(),
  })
  .strict()
  .openapi('ScoreEntry');
export type ScoreEntry = z.infer<typeof ScoreEntrySchema>;

const tenantParam = z.string().max(40).openapi({ param: { name: 'tenant', in: 'path' }, example: 'hongshan' });
const idParam = (description: string, example: string) => z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example, description });
export const SchemeIdParam = z.object({ tenant: tenantParam, id: idParam('指标体系编号', 'isc_01jbz0000000000000000000000') });
export const AssessmentIdParam = z.object({ tenant: tenantParam, id: idParam('年度考核编号', 'asm_01jbz0000000000000000000000') });
export const AssessmentScoreParam = z.object({
  tenant: tenantParam,
  id: idParam('年度考核编号', 'asm_01jbz0000000000000000000000'),
  indicatorId: z.string().max(40).openapi({ param: { name: 'indicatorId', in: 'path' }, example: 'ind_01jbz0000000000000000000000', description: '指标编号' }),
});

export const ConsequencesSchema = z
  .object({
    eligible: z.boolean(),
    promotionCandidate: z.boolean(),
    rectification: z.boolean(),
    dissolutionProposal: z.boolean(),
    previousGrade: z.enum(ASSESSMENT_GRADES).nullable(),
    ineligibleMemberOrgs: z.array(z.object({ orgId: z.string(), name: z.string(), reason: z.string() })),
    summary: z.array(z.string()),
  })
  .openapi('AssessmentConsequences');
export type AssessmentConsequences = z.infer<typeof ConsequencesSchema>;

export const AssessmentScoreViewSchema = z
  .object({
    indicatorId: z.string(),
    position: z.number().int(),
    name: z.string(),
    criteria: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    kindLabel: z.string(),
    sourceLabel: z.string().nullable(),
    weight: z.number().int(),
    maxScore: z.number().int(),
    /** Hundredths of a raw point; null while a scored indicator is not entered. */
    raw: z.number().int().nullable(),
    /** Hundredths of the 100-point total this indicator brings (raw / max × weight). */
    weighted: z.number().int().nullable(),
    evidence: z.record(z.string(), z.unknown()).nullable(),
    /** The evidence in plain Chinese. */
    evidenceText: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('AssessmentScore');

export const AssessmentViewSchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    year: z.number().int(),
    schemeId: z.string(),
    schemeName: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    statusLabel: z.string(),
    /** Hundredths of a point of 100: the final score once finalized, else the running total of what is in. */
    score: z.number().int().nullable(),
    provisionalScore: z.number().int(),
    grade: z.enum(ASSESSMENT_GRADES).nullable(),
    gradeLabel: z.string().nullable(),
    consequences: ConsequencesSchema.nullable(),
    scores: z.array(AssessmentScoreViewSchema),
    missing: z.array(z.string()),
    finalizedAt: z.number().int().nullable(),
    version: z.number().int(),
  })
  .openapi('Assessment');
export type AssessmentView = z.infer<typeof AssessmentViewSchema>;

export const AssessmentListQuery = z
  .object({
    year,
    grade: z.enum(ASSESSMENT_GRADES, { message: '等次须为：优秀、良好、一般、较差' }).optional(),
    status: z.enum(ASSESSMENT_STATUSES, { message: '状态须为：考核中、已定档' }).optional(),
  })
  .strict();
export type AssessmentListInput = z.infer<typeof AssessmentListQuery>;
export const AssessmentExportQuery = z.object({ year }).strict();

export const AssessmentListItemSchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    year: z.number().int(),
    status: z.enum(ASSESSMENT_STATUSES),
    statusLabel: z.string(),
    score: z.number().int().nullable(),
    grade: z.enum(ASSESSMENT_GRADES).nullable(),
    gradeLabel: z.string().nullable(),
  })
  .openapi('AssessmentListItem');
export type AssessmentListItem = z.infer<typeof AssessmentListItemSchema>;

export const GradeCountSchema = z.object({ grade: z.enum(ASSESSMENT_GRADES), gradeLabel: z.string(), count: z.number().int() }).openapi('GradeCount');
export type GradeCount = z.infer<typeof GradeCountSchema>;

export const AssessmentListSchema = z
  .object({ items: z.array(AssessmentListItemSchema), distribution: z.array(GradeCountSchema), open: z.number().int() })
  .openapi('AssessmentList');
