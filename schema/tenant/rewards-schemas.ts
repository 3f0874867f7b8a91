// The rewards capability's edge schemas (zod: inputs, views, labels).
import { z } from '@hono/zod-openapi';
import { DISBURSEMENT_STATUSES, ROUND_LEVELS, ROUND_STATUSES, ROUND_SUBJECTS } from './rewards.ts';
// Labels live in ../labels.ts (no zod there: the admin UI's pages read them without the schemas).
export { ROUND_SUBJECT_LABELS, DISBURSEMENT_STATUS_LABELS } from '../labels.ts';

export const ROUND_LEVEL_LABELS: Record<(typeof ROUND_LEVELS)[number], string> = { county: '旗县区级', city: '市级' };
export const ROUND_STATUS_LABELS: Record<(typeof ROUND_STATUSES)[number], string> = { draft: '草稿（可模拟）', published: '已发布' };

const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
const gradeEnum = z.enum(GRADES, { message: '等次须为优秀、良好、一般或较差' });
/** Designation codes a round may name (honours and the registry's branch quality). */
export const ROUND_DESIGNATIONS = ['standardized', 'strongest_county', 'strongest_city', 'demo_site_county', 'demo_site_city'] as const;
/** The designations in the words the engine's explanations use (packages/rewards/src/allocate/labels.ts). */
export const ROUND_DESIGNATION_LABELS: Record<(typeof ROUND_DESIGNATIONS)[number], string> = {
  standardized: '标准化规范化党支部',
  strongest_county: '县级“最强党支部”',
  strongest_city: '市级“最强党支部”',
  demo_site_county: '县级示范点',
  demo_site_city: '市级示范点',
};
const designation = z.enum(ROUND_DESIGNATIONS, { message: '荣誉须为标准化规范化、最强党支部（区级/市级）或示范点（区级/市级）' });

// 100 亿分 = 1 亿元: far above any round (seed 001: 11.47M 元 from above), and exact in a double.
const MAX_FEN = 10_000_000_000;
const fen = (what: string) =>
  z
    .number({ message: `${what}须为整数（分）` })
    .int({ message: `${what}须为整数（分）` })
    .min(0, { message: `${what}不能为负` })
    .max(MAX_FEN, { message: `${what}不能超过 1 亿元` });
const bp = (what: string) => z.number({ message: `${what}须为整数（万分比）` }).int({ message: `${what}须为整数（万分比）` }).min(0, { message: `${what}不能为负` }).max(100_000, { message: `${what}不能超过 1000%` });

export const AllocationMethodSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('tiered_grade'), tiers: z.object({ excellent: fen('优秀档金额').optional(), good: fen('良好档金额').optional(), fair: fen('一般档金额').optional(), poor: fen('较差档金额').optional() }).strict() }).strict(),
      z
        .object({
          kind: z.literal('tiered_designation'),
          tiers: z.array(z.object({ designation, amountFen: fen('档位金额') }).strict(), { message: '请填写档位' }).min(1, { message: '至少一个档位' }).max(10, { message: '档位最多 10 个' }),
        })
        .strict(),
      z
        .object({
          kind: z.literal('proportional'),
          thresholdHundredths: z.number({ message: '起算分须为整数（百分之一分）' }).int({ message: '起算分须为整数（百分之一分）' }).min(0, { message: '起算分不能为负' }).max(10000, { message: '起算分不能超过 100 分' }),
          fenPerPoint: fen('每分金额').optional(),
        })
        .strict(),
      z
        .object({
          kind: z.literal('base_uplift'),
          baseFen: fen('基本金额'),
          uplifts: z
            .array(z.object({ designation, percentBp: bp('上浮比例').optional(), fixedFen: fen('一次性奖励').optional() }).strict(), { message: '请填写上浮规则' })
            .max(10, { message: '上浮规则最多 10 条' }),
        })
        .strict(),
    ],
    { message: '分配方式须为按等次定额、按荣誉定额、按得分比例或基数加上浮' },
  )
  .openapi('AllocationMethod');

export const AllocationRulesSchema = z
  .object({
    eligibility: z
      .object({
        minGrade: gradeEnum.optional(),
        anyDesignation: z.array(designation).max(5, { message: '荣誉条件最多 5 项' }).optional(),
        excludeUnderRectification: z.boolean({ message: '请说明整顿中的是否排除' }),
        requireMemberReport: z.boolean({ message: '请说明是否要求完成双报到' }),
      })
      .strict(),
    capFen: fen('单个上限').optional(),
    floorFen: fen('单个下限').optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.capFen !== undefined && r.floorFen !== undefined && r.floorFen > r.capFen) ctx.addIssue({ code: 'custom', path: ['floorFen'], message: '单个下限不能高于单个上限' });
  })
  .openapi('AllocationRules');

/** 配套 (ADR 0025): a county round matches a published city round's awards to its recipients. */
const ratioPart = (what: string) => z.number({ message: `${what}须为正整数` }).int({ message: `${what}须为正整数` }).min(1, { message: `${what}须为正整数` }).max(1000, { message: `${what}不超过 1000` });
export const SHORTFALL_RULES = ['scale', 'cap_in_order'] as const;
export const MatchingSettingsSchema = z
  .object({
    cityRoundId: z.string({ message: '请选择要配套的市级轮次' }).trim().min(1, { message: '请选择要配套的市级轮次' }).max(40, { message: '市级轮次编号有误' }),
    ratioNum: ratioPart('配套比例（县）'),
    ratioDen: ratioPart('配套比例（市）'),
    budgetFen: fen('配套预算'),
    shortfallRule: z.enum(SHORTFALL_RULES, { message: '预算不足时的规则须为同比例缩减或按排名足额' }),
  })
  .strict()
  .openapi('RewardMatchingSettings');
export type MatchingSettingsInput = z.infer<typeof MatchingSettingsSchema>;

const name = z.string({ message: '请填写名称' }).trim().min(2, { message: '名称至少 2 个字' }).max(60, { message: '名称最多 60 个字' });
const year = z.number({ message: '年度须为整数' }).int({ message: '年度须为整数' }).min(2000, { message: '年度不能早于 2000 年' }).max(2100, { message: '年度不能晚于 2100 年' });

export const RoundCreateSchema = z
  .object({
    name,
    year,
    /** Follows the tenant (the city's rounds are 市级, a county's 旗县区级); a mismatch is refused. */
    level: z.enum(ROUND_LEVELS, { message: '级别须为旗县区级或市级' }).optional(),
    subject: z.enum(ROUND_SUBJECTS, { message: '奖补对象须为党建联合体或党支部' }),
    budgetFen: fen('预算'),
    method: AllocationMethodSchema,
    rules: AllocationRulesSchema,
    note: z.string().trim().max(500, { message: '说明最多 500 个字' }).optional(),
    matching: MatchingSettingsSchema.optional(),
  })
  .strict()
  .openapi('RewardRoundCreate');
export type RoundCreate = z.infer<typeof RoundCreateSchema>;

/** A draft's settings, changed between simulations (If-Match: the round's version). */
export const RoundUpdateSchema = z
  .object({ name: name.optional(), budgetFen: fen('预算').optional(), method: AllocationMethodSchema.optional(), rules: AllocationRulesSchema.optional(), note: z.string().trim().max(500, { message: '说明最多 500 个字' }).nullable().optional(), matching: MatchingSettingsSchema.nullable().optional() })
  .strict()
  .openapi('RewardRoundUpdate');
export type RoundUpdate = z.infer<typeof RoundUpdateSchema>;

export const RoundCorrectSchema = z
  .object({ reason: z.string({ message: '请填写更正理由' }).trim().min(4, { message: '更正理由至少 4 个字' }).max(500, { message: '更正理由最多 500 个字' }) })
  .strict()
  .openapi('RewardRoundCorrect');

export const RoundViewSchema = z
  .object({
    id: z.string(),
    level: z.enum(ROUND_LEVELS),
    levelLabel: z.string(),
    year: z.number().int(),
    name: z.string(),
    subject: z.enum(ROUND_SUBJECTS),
    subjectLabel: z.string(),
    budgetFen: z.number().int(),
    method: AllocationMethodSchema,
    rules: AllocationRulesSchema,
    status: z.enum(ROUND_STATUSES),
    statusLabel: z.string(),
    correctsRoundId: z.string().nullable(),
    correctedByRoundId: z.string().nullable(),
    note: z.string().nullable(),
    /** 配套 settings (county rounds); null when the round matches nothing. */
    matching: MatchingSettingsSchema.nullable(),
    allocatedFen: z.number().int().nullable(),
    recipientCount: z.number().int().nullable(),
    lastSimulatedAt: z.number().int().nullable(),
    publishedAt: z.number().int().nullable(),
    publishedBy: z.string().nullable(),
    createdAt: z.number().int(),
    version: z.number().int(),
  })
  .openapi('RewardRound');
export type RoundView = z.infer<typeof RoundViewSchema>;

export const RoundListSchema = z.object({ items: z.array(RoundViewSchema) }).openapi('RewardRoundList');

const StepSchema = z.object({ code: z.string(), text: z.string() });
export const AllocationLineSchema = z
  .object({
    recipientId: z.string(),
    recipientName: z.string(),
    /** A city round's recipient: its county (slug and name); null in a county round. */
    recipientTenant: z.string().nullable(),
    countyName: z.string().nullable(),
    status: z.enum(['ineligible', 'no_award', 'awarded']),
    statusLabel: z.string(),
    /** What the facts were (grade, score, designations …) in plain Chinese. */
    basis: z.string(),
    demandFen: z.number().int().nullable(),
    amountFen: z.number().int(),
    steps: z.array(StepSchema),
    /** Against the previous simulation (null on the first, and in a published round). */
    previousFen: z.number().int().nullable(),
    disbursement: z.object({ id: z.string(), status: z.enum(DISBURSEMENT_STATUSES), statusLabel: z.string(), paidOn: z.string().nullable(), voucherNo: z.string().nullable() }).nullable(),
  })
  .openapi('RewardAllocationLine');
export type AllocationLineView = z.infer<typeof AllocationLineSchema>;

const MatchLineSchema = z.object({
  recipientId: z.string(),
  recipientName: z.string(),
  /** The city's award. */
  cityFen: z.number().int(),
  /** city × ratio, half up to the 分. */
  wantedFen: z.number().int(),
  matchedFen: z.number().int(),
  shortfallFen: z.number().int(),
  steps: z.array(StepSchema),
});
/** 配套 of a county round (ADR 0025): the city round matched, the rule stated, every recipient's city award and matched amount explained. */
export const MatchingTableSchema = z
  .object({
    cityRoundId: z.string(),
    cityRoundName: z.string(),
    ruleText: z.string(),
    ratioText: z.string(),
    budgetFen: z.number().int(),
    cityTotalFen: z.number().int(),
    wantedTotalFen: z.number().int(),
    matchedTotalFen: z.number().int(),
    shortfallTotalFen: z.number().int(),
    unusedFen: z.number().int(),
    notes: z.array(StepSchema),
    lines: z.array(MatchLineSchema),
  })
  .openapi('RewardMatching');
export type MatchingTableView = z.infer<typeof MatchingTableSchema>;

export const AllocationTableSchema = z
  .object({
    round: RoundViewSchema,
    /** 配套 (county rounds with matching settings); null otherwise. */
    matching: MatchingTableSchema.nullable(),
    budgetFen: z.number().int(),
    demandFen: z.number().int().nullable(),
    allocatedFen: z.number().int(),
    unallocatedFen: z.number().int(),
    notes: z.array(StepSchema),
    lines: z.array(AllocationLineSchema),
    /** Differences from the previous simulation: what changed, who was added or dropped. */
    diff: z
      .object({
        previousAt: z.number().int(),
        previousBudgetFen: z.number().int(),
        previousAllocatedFen: z.number().int(),
        changed: z.number().int(),
        added: z.array(z.string()),
        removed: z.array(z.string()),
      })
      .nullable(),
  })
  .openapi('RewardAllocationTable');
export type AllocationTableView = z.infer<typeof AllocationTableSchema>;

export const DisbursementPaySchema = z
  .object({
    paidOn: z.string({ message: '请填写拨付日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: '拨付日期须为 YYYY-MM-DD' }),
    voucherNo: z.string({ message: '请填写凭证号' }).trim().min(1, { message: '请填写凭证号' }).max(40, { message: '凭证号最多 40 个字' }),
  })
  .strict()
  .openapi('RewardDisbursementPay');

export const DisbursementViewSchema = z
  .object({ id: z.string(), roundId: z.string(), recipientId: z.string(), amountFen: z.number().int(), status: z.enum(DISBURSEMENT_STATUSES), statusLabel: z.string(), paidOn: z.string().nullable(), voucherNo: z.string().nullable(), version: z.number().int() })
  .openapi('RewardDisbursement');
export type DisbursementView = z.infer<typeof DisbursementViewSchema>;

export const RoundIdParam = z.object({
  tenant: z.string().max(40).openapi({ param: { name: 'tenant', in: 'path' }, example: 'hongshan' }),
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'rwr_01jbz0000000000000000000000', description: '奖补轮次编号' }),
});
export const DisbursementIdParam = z.object({
  tenant: z.string().max(40).openapi({ param: { name: 'tenant', in: 'path' }, example: 'hongshan' }),
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'rwd_01jbz0000000000000000000000', description: '拨付记录编号' }),
});
export const RoundListQuerySchema = z
  .object({ year: z.coerce.number({ message: '年度须为数字' }).int({ message: '年度须为整数' }).min(2000, { message: '年度不能早于 2000 年' }).max(2100, { message: '年度不能晚于 2100 年' }).optional() })
  .strict();

/** The city's awards to this county's recipients (published city rounds; ADR 0025). A county sees only its own. */
export const CityAwardSchema = z
  .object({
    roundId: z.string(),
    roundName: z.string(),
    year: z.number().int(),
    subject: z.enum(ROUND_SUBJECTS),
    subjectLabel: z.string(),
    publishedAt: z.number().int(),
    correctedByRoundId: z.string().nullable(),
    recipientId: z.string(),
    recipientName: z.string(),
    amountFen: z.number().int(),
    steps: z.array(StepSchema),
    disbursement: z.object({ status: z.enum(DISBURSEMENT_STATUSES), statusLabel: z.string(), paidOn: z.string().nullable(), voucherNo: z.string().nullable() }).nullable(),
  })
  .openapi('RewardCityAward');
export type CityAwardView = z.infer<typeof CityAwardSchema>;
export const CityAwardListSchema = z.object({ items: z.array(CityAwardSchema) }).openapi('RewardCityAwardList');
export const CityAwardQuerySchema = RoundListQuerySchema;

/** Each county's 配套 of a city round, as the city sees it (ADR 0025). */
export const CountyMatchingSchema = z
  .object({
    county: z.string(),
    countyName: z.string(),
    roundId: z.string(),
    roundName: z.string(),
    status: z.enum(ROUND_STATUSES),
    statusLabel: z.string(),
    ratioText: z.string(),
    budgetFen: z.number().int(),
    /** Published: the frozen matching; draft: null (not yet decided). */
    matching: MatchingTableSchema.nullable(),
  })
  .openapi('RewardCountyMatching');
export type CountyMatchingView = z.infer<typeof CountyMatchingSchema>;
export const CountyMatchingListSchema = z.object({ items: z.array(CountyMatchingSchema) }).openapi('RewardCountyMatchingList');
