import { z } from '@hono/zod-openapi';
import {
  ALLOCATION_STATES,
  CLAIM_STATUSES,
  FUNDING_SOURCES,
  LOCALITIES,
  NEED_SOURCES,
  NEED_STATUSES,
  PROJECT_NOTE_KINDS,
  PROJECT_BOARD_STATUSES,
  PROJECT_STATUSES,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  WARNING_LEVELS,
} from '../enums.ts';
import { dateSchema, idRef, personName, reasonSchema, textField } from './alliance-schemas.ts';
import { phoneSchema } from './registry-schemas.ts';

// Edge schemas of the three lists (需求/资源/项目), matching and supervision.
// Strict objects: quantities in progress (committed, fulfilled …), statuses and
// versions are never taken from a client.

const int = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label}须为整数` })
    .int({ message: `${label}须为整数` })
    .min(min, { message: min === 0 ? `${label}不能为负数` : `${label}至少为 ${min}` })
    .max(max, { message: `${label}不能超过 ${max}` });

const limitQuery = z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional();
const searchQuery = z.string().trim().max(50, { message: '搜索词不能超过 50 个字' }).optional();

/** Division codes: 9 digits for 街道/苏木乡镇, 12 for 社区/嘎查村 (GB/T 2260 extended). */
const streetCode = z.string({ message: '街道编码须为 9 位数字' }).regex(/^\d{9}$/, { message: '街道编码须为 9 位数字' });
const communityCode = z.string({ message: '社区编码须为 12 位数字' }).regex(/^\d{12}$/, { message: '社区编码须为 12 位数字' });

const placeFields = {
  streetCode: streetCode.nullable().optional().openapi({ description: '街道/苏木乡镇区划代码（9 位）' }),
  communityCode: communityCode.nullable().optional().openapi({ description: '社区/嘎查村区划代码（12 位），须在所填街道内' }),
  gridName: textField('网格', 1, 40).nullable().optional(),
  address: textField('地址', 1, 200).nullable().optional(),
  lat: z.number({ message: '纬度须为数字' }).min(-90, { message: '纬度无效' }).max(90, { message: '纬度无效' }).nullable().optional(),
  lng: z.number({ message: '经度须为数字' }).min(-180, { message: '经度无效' }).max(180, { message: '经度无效' }).nullable().optional(),
};
type PlaceLike = { streetCode?: string | null; communityCode?: string | null; lat?: number | null; lng?: number | null };
const placeRefinements = <T extends z.ZodType<PlaceLike>>(s: T) =>
  s
    .refine((v: PlaceLike) => !v.communityCode || !v.streetCode || v.communityCode.startsWith(v.streetCode), {
      message: '社区不在所填街道内',
      path: ['communityCode'],
    })
    .refine((v: PlaceLike) => (v.lat == null) === (v.lng == null), { message: '经纬度须同时填写', path: ['lng'] });

const quantity = int('数量', 1, 1_000_000_000);
const unit = textField('单位', 1, 10).openapi({ example: '人次' });
const urgency = z
  .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: '紧急程度须为 1（一般）、2（较急）、3（紧急）或 4（特急）' })
  .openapi({ description: '1 一般 · 2 较急 · 3 紧急 · 4 特急' });

// ── categories ────────────────────────────────────────────────────────────

export const CategorySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    alsoServes: z.array(z.string()).openapi({ description: '该类资源还可满足的需求类别' }),
    sortOrder: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .openapi('ListCategory');
export type CategoryView = z.infer<typeof CategorySchema>;

export const CategoryCreateSchema = z
  .object({
    name: textField('类别名称', 1, 20),
    alsoServes: z.array(idRef('类别'), { message: '须为类别列表' }).max(20).optional(),
    sortOrder: int('排序', 0, 100000).optional(),
  })
  .strict()
  .openapi('ListCategoryCreate');
export const CategoryUpdateSchema = z
  .object({
    name: textField('类别名称', 1, 20).optional(),
    alsoServes: z.array(idRef('类别'), { message: '须为类别列表' }).max(20).optional(),
    sortOrder: int('排序', 0, 100000).optional(),
    active: z.boolean({ message: '启用状态须为是或否' }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('ListCategoryUpdate');
export type CategoryCreateInput = z.infer<typeof CategoryCreateSchema>;
export type CategoryUpdateInput = z.infer<typeof CategoryUpdateSchema>;

// ── needs ─────────────────────────────────────────────────────────────────

const needFields = {
  allianceId: idRef('党建联合体'),
  title: textField('需求名称', 2, 100).openapi({ example: '独居老人助餐服务' }),
  description: textField('需求描述', 1, 2000).nullable().optional(),
  source: z.enum(NEED_SOURCES, { message: `需求来源须为：${NEED_SOURCES.join('、')}` }),
  categoryId: idRef('需求类别'),
  quantity,
  unit,
  ...placeFields,
  urgency,
  deadline: dateSchema,
  raisedByOrgId: idRef('提出单位').nullable().optional(),
  raiserName: personName.nullable().optional(),
  raiserPhone: phoneSchema.nullable().optional(),
};

export const NeedCreateSchema = placeRefinements(z.object(needFields).strict())
  .refine((v) => v.source !== '成员单位' || !!v.raisedByOrgId, { message: '成员单位提出的需求须选择提出单位', path: ['raisedByOrgId'] })
  .openapi('NeedCreate');
export type NeedCreateInput = z.infer<typeof NeedCreateSchema>;

const { allianceId: _allianceId, source: _source, ...needEditable } = needFields;
export const NeedUpdateSchema = placeRefinements(
  z
    .object(Object.fromEntries(Object.entries(needEditable).map(([k, s]) => [k, (s as z.ZodTypeAny).optional()])) as { [K in keyof typeof needEditable]: z.ZodOptional<(typeof needEditable)[K]> })
    .strict(),
)
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('NeedUpdate');
export type NeedUpdateInput = z.infer<typeof NeedUpdateSchema>;

export const ReasonBodySchema = z.object({ reason: reasonSchema }).strict().openapi('ReasonBody');
export const NeedExtendSchema = z.object({ deadline: dateSchema, reason: reasonSchema }).strict().openapi('NeedExtend');
export type NeedExtendInput = z.infer<typeof NeedExtendSchema>;

export const NeedSchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    source: z.enum(NEED_SOURCES),
    categoryId: z.string(),
    categoryName: z.string(),
    quantity: z.number().int(),
    unit: z.string(),
    streetCode: z.string().nullable(),
    communityCode: z.string().nullable(),
    placeName: z.string().nullable().openapi({ description: '街道/社区名称（由区划代码得出）' }),
    gridName: z.string().nullable(),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    urgency: z.number().int(),
    deadline: z.string(),
    raisedByOrgId: z.string().nullable(),
    raisedByOrgName: z.string().nullable(),
    raiserName: z.string().nullable(),
    raiserPhone: z.string().nullable().openapi({ description: '仅管理人员可见完整号码，其他人看到打码后的号码' }),
    committedQty: z.number().int(),
    inDeliveryQty: z.number().int(),
    fulfilledQty: z.number().int(),
    remainingQty: z.number().int(),
    status: z.enum(NEED_STATUSES),
    overdue: z.boolean().openapi({ description: '截止日已过仍未满足' }),
    closedReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    can: z.object({ update: z.boolean(), withdraw: z.boolean(), close: z.boolean(), match: z.boolean(), extend: z.boolean().openapi({ description: '可延长截止日期（逾期复核）' }) }),
  })
  .openapi('Need');
export type NeedView = z.infer<typeof NeedSchema>;

export const NeedListQuerySchema = z
  .object({
    q: searchQuery,
    allianceId: z.string().max(40).optional(),
    status: z.enum(NEED_STATUSES, { message: `状态须为：${NEED_STATUSES.join('、')}` }).optional(),
    categoryId: z.string().max(40).optional(),
    source: z.enum(NEED_SOURCES, { message: `需求来源须为：${NEED_SOURCES.join('、')}` }).optional(),
    urgency: z.coerce.number({ message: '紧急程度须为 1–4' }).int().min(1, { message: '紧急程度须为 1–4' }).max(4, { message: '紧急程度须为 1–4' }).optional(),
    communityCode: z.string().max(12).optional(),
    raisedByOrgId: z.string().max(40).optional(),
    overdue: z.enum(['true', 'false'], { message: 'overdue 须为 true 或 false' }).optional(),
    cursor: z.string().max(400).optional(),
    limit: limitQuery,
  })
  .strict();
export type NeedListQuery = z.infer<typeof NeedListQuerySchema>;
export const NeedPageSchema = z.object({ items: z.array(NeedSchema), nextCursor: z.string().nullable(), total: z.number().int() }).openapi('NeedPage');

// ── resources ─────────────────────────────────────────────────────────────

const resourceFields = {
  allianceId: idRef('党建联合体'),
  offeringOrgId: idRef('提供单位'),
  title: textField('资源名称', 2, 100).openapi({ example: '社区卫生服务站义诊' }),
  description: textField('资源描述', 1, 2000).nullable().optional(),
  kind: z.enum(RESOURCE_KINDS, { message: `资源类型须为：${RESOURCE_KINDS.join('、')}` }),
  categoryId: idRef('资源类别'),
  capacity: int('可提供数量', 1, 1_000_000_000),
  unit,
  ...placeFields,
  scope: z.enum(LOCALITIES, { message: '服务范围须为 grid（本网格）、community（本社区）、street（本街道）或 county（全旗县区）' }),
  radiusM: int('服务半径（米）', 0, 500_000).nullable().optional(),
  availableFrom: dateSchema.nullable().optional(),
  availableTo: dateSchema.nullable().optional(),
  contactName: personName.nullable().optional(),
  contactPhone: phoneSchema.nullable().optional(),
};
const windowRefinement = <T extends z.ZodType<{ availableFrom?: string | null; availableTo?: string | null }>>(s: T) =>
  s.refine((v: { availableFrom?: string | null; availableTo?: string | null }) => !v.availableFrom || !v.availableTo || v.availableFrom <= v.availableTo, {
    message: '可用结束日期不能早于开始日期',
    path: ['availableTo'],
  });

export const ResourceCreateSchema = windowRefinement(placeRefinements(z.object(resourceFields).strict())).openapi('ResourceCreate');
export type ResourceCreateInput = z.infer<typeof ResourceCreateSchema>;
const { allianceId: _rAlliance, offeringOrgId: _rOrg, ...resourceEditable } = resourceFields;
export const ResourceUpdateSchema = windowRefinement(
  placeRefinements(
    z
      .object(
        Object.fromEntries(Object.entries(resourceEditable).map(([k, s]) => [k, (s as z.ZodTypeAny).optional()])) as {
          [K in keyof typeof resourceEditable]: z.ZodOptional<(typeof resourceEditable)[K]>;
        },
      )
      .strict(),
  ),
)
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('ResourceUpdate');
export type ResourceUpdateInput = z.infer<typeof ResourceUpdateSchema>;

export const ResourceSchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    offeringOrgId: z.string(),
    offeringOrgName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    kind: z.enum(RESOURCE_KINDS),
    categoryId: z.string(),
    categoryName: z.string(),
    capacity: z.number().int(),
    unit: z.string(),
    allocatedQty: z.number().int(),
    remainingQty: z.number().int(),
    streetCode: z.string().nullable(),
    communityCode: z.string().nullable(),
    placeName: z.string().nullable(),
    gridName: z.string().nullable(),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    scope: z.enum(LOCALITIES),
    radiusM: z.number().int().nullable(),
    availableFrom: z.string().nullable(),
    availableTo: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    status: z.enum(RESOURCE_STATUSES),
    version: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    can: z.object({ update: z.boolean(), withdraw: z.boolean() }),
  })
  .openapi('Resource');
export type ResourceView = z.infer<typeof ResourceSchema>;

export const ResourceListQuerySchema = z
  .object({
    q: searchQuery,
    allianceId: z.string().max(40).optional(),
    status: z.enum(RESOURCE_STATUSES, { message: `状态须为：${RESOURCE_STATUSES.join('、')}` }).optional(),
    categoryId: z.string().max(40).optional(),
    kind: z.enum(RESOURCE_KINDS, { message: `资源类型须为：${RESOURCE_KINDS.join('、')}` }).optional(),
    offeringOrgId: z.string().max(40).optional(),
    communityCode: z.string().max(12).optional(),
    cursor: z.string().max(400).optional(),
    limit: limitQuery,
  })
  .strict();
export type ResourceListQuery = z.infer<typeof ResourceListQuerySchema>;
export const ResourcePageSchema = z.object({ items: z.array(ResourceSchema), nextCursor: z.string().nullable(), total: z.number().int() }).openapi('ResourcePage');

// ── matching ──────────────────────────────────────────────────────────────

export const MatchFactorSchema = z
  .object({
    factor: z.enum(['locality', 'distance', 'deadline', 'alliance', 'load']),
    cost: z.number().int(),
    label: z.string().openapi({ example: '同一社区' }),
  })
  .openapi('MatchFactor');

export const SuggestionSchema = z
  .object({
    resource: ResourceSchema,
    quantity: z.number().int().openapi({ description: '建议对接数量（需求剩余与资源剩余的较小者）' }),
    cost: z.number().int(),
    factors: z.array(MatchFactorSchema),
    reasons: z.array(z.string()).openapi({ description: '推荐理由（类别、地点、截止日期、所属联合体、提供单位负担），中文短句' }),
  })
  .openapi('MatchSuggestion');

export const SuggestionsResponseSchema = z
  .object({
    need: NeedSchema,
    suggestions: z.array(SuggestionSchema),
    rejected: z.array(z.object({ resourceId: z.string(), resourceTitle: z.string(), reason: z.string().nullable() })).openapi({ description: '已被拒绝、不再推荐的资源' }),
  })
  .openapi('MatchSuggestions');

export const AssignmentRequestSchema = z
  .object({
    allianceId: idRef('党建联合体').nullable().openapi({ description: '为空时对全旗县区统一匹配（仅组织部管理员）' }),
    includeOverdue: z.boolean({ message: '是否包含逾期需求须为是或否' }).optional().openapi({ description: '默认不匹配已过截止日期的需求（逾期需求请先复核：延长截止日期或关闭）' }),
  })
  .strict()
  .openapi('AssignmentRequest');

export const AssignmentItemSchema = z
  .object({
    needId: z.string(),
    needTitle: z.string(),
    needAllianceId: z.string(),
    urgency: z.number().int(),
    deadline: z.string(),
    resourceId: z.string(),
    resourceTitle: z.string(),
    offeringOrgName: z.string(),
    quantity: z.number().int(),
    unit: z.string(),
    cost: z.number().int(),
    factors: z.array(MatchFactorSchema),
    reasons: z.array(z.string()),
  })
  .openapi('AssignmentItem');

const assignmentTotals = z.object({ unitsServed: z.number().int(), weightedServed: z.number().int(), totalCost: z.number().int() });
export const AssignmentResponseSchema = z
  .object({
    allianceId: z.string().nullable(),
    needCount: z.number().int(),
    resourceCount: z.number().int(),
    items: z.array(AssignmentItemSchema),
    optimal: assignmentTotals,
    greedy: assignmentTotals.openapi({ description: '贪心基线（按紧急程度逐个取最便宜的资源），用于比较' }),
    unitsRequested: z.number().int(),
    byUnit: z
      .array(z.object({ unit: z.string(), needCount: z.number().int(), requested: z.number().int(), planned: z.number().int(), rows: z.number().int() }))
      .openapi({ description: '按计量单位分别合计（元、人次、处……不同单位不相加）' }),
    overdueExcluded: z.number().int().openapi({ description: '已过截止日期、未参与本次匹配的需求条数（includeOverdue 为真时为 0）' }),
  })
  .openapi('Assignment');
export type AssignmentView = z.infer<typeof AssignmentResponseSchema>;

export const AcceptMatchSchema = z
  .object({
    items: z
      .array(z.object({ needId: idRef('需求'), resourceId: idRef('资源'), quantity: int('对接数量', 1, 1_000_000_000) }).strict(), { message: '请选择要确认的对接' })
      .min(1, { message: '请至少选择一条对接' })
      .max(200, { message: '一次最多确认 200 条对接' }),
    projectId: idRef('项目').nullable().optional().openapi({ description: '并入已有项目；为空则新建项目' }),
    project: z
      .object({ title: textField('项目名称', 2, 100), dueOn: dateSchema, ownerOrgId: idRef('负责单位').nullable().optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((v) => !!v.projectId !== !!v.project, { message: '请选择并入的项目，或填写新项目的名称和完成期限', path: ['project'] })
  .openapi('AcceptMatch');
export type AcceptMatchInput = z.infer<typeof AcceptMatchSchema>;

export const RejectMatchSchema = z
  .object({ needId: idRef('需求'), resourceId: idRef('资源'), reason: textField('原因', 2, 500).nullable().optional() })
  .strict()
  .openapi('RejectMatch');
export type RejectMatchInput = z.infer<typeof RejectMatchSchema>;

// ── projects ──────────────────────────────────────────────────────────────

export const FundingSchema = z
  .object({
    source: z.enum(FUNDING_SOURCES, { message: `经费来源须为：${FUNDING_SOURCES.join('、')}` }),
    amountFen: int('金额（分）', 0, 100_000_000_000).openapi({ description: '金额，单位：分' }),
  })
  .strict()
  .openapi('ProjectFunding');

export const MilestoneInputSchema = z
  .object({
    id: z.string().max(40).optional().openapi({ description: '已有节点的编号；不填为新增' }),
    title: textField('节点名称', 2, 100),
    weight: int('权重', 1, 100),
    dueOn: dateSchema.nullable().optional(),
    progressPct: int('完成百分比', 0, 100).optional(),
    note: textField('说明', 1, 1000).nullable().optional(),
  })
  .strict()
  .openapi('MilestoneInput');

const projectFields = {
  allianceId: idRef('党建联合体'),
  title: textField('项目名称', 2, 100).openapi({ example: '铁南社区助老食堂' }),
  description: textField('项目内容', 1, 5000).nullable().optional(),
  categoryId: idRef('类别').nullable().optional(),
  ownerName: personName.nullable().optional().openapi({ description: '项目负责人' }),
  ownerOrgId: idRef('负责单位').nullable().optional(),
  funding: z.array(FundingSchema, { message: '经费须为列表' }).max(10, { message: '经费来源最多 10 条' }).optional(),
  startOn: dateSchema.nullable().optional(),
  dueOn: dateSchema,
};
const datesRefinement = <T extends z.ZodType<{ startOn?: string | null; dueOn?: string }>>(s: T) =>
  s.refine((v: { startOn?: string | null; dueOn?: string }) => !v.startOn || !v.dueOn || v.startOn <= v.dueOn, { message: '完成期限不能早于开始日期', path: ['dueOn'] });

export const ProjectCreateSchema = datesRefinement(
  z
    .object({
      ...projectFields,
      milestones: z.array(MilestoneInputSchema).max(30, { message: '节点最多 30 个' }).optional(),
      needs: z
        .array(z.object({ needId: idRef('需求'), quantity: int('数量', 1, 1_000_000_000) }).strict())
        .max(50, { message: '一个项目最多直接关联 50 条需求' })
        .optional()
        .openapi({ description: '直接承接的需求及数量（不经资源匹配）' }),
    })
    .strict(),
).openapi('ProjectCreate');
export type ProjectCreateInput = z.infer<typeof ProjectCreateSchema>;

const { allianceId: _pAlliance, ...projectEditable } = projectFields;
export const ProjectUpdateSchema = datesRefinement(
  z
    .object(
      Object.fromEntries(Object.entries(projectEditable).map(([k, s]) => [k, (s as z.ZodTypeAny).optional()])) as {
        [K in keyof typeof projectEditable]: z.ZodOptional<(typeof projectEditable)[K]>;
      },
    )
    .strict(),
)
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('ProjectUpdate');
export type ProjectUpdateInput = z.infer<typeof ProjectUpdateSchema>;

export const MilestonesInputSchema = z
  .object({ milestones: z.array(MilestoneInputSchema, { message: '请填写节点' }).max(30, { message: '节点最多 30 个' }) })
  .strict()
  .openapi('MilestonesInput');
export const MilestoneProgressSchema = z
  .object({ progressPct: int('完成百分比', 0, 100), note: textField('说明', 1, 1000).nullable().optional() })
  .strict()
  .openapi('MilestoneProgress');

export const ClaimCreateSchema = z.object({ orgId: idRef('认领单位'), note: textField('承担内容', 2, 1000) }).strict().openapi('ClaimCreate');
export const ClaimDecisionSchema = z
  .object({ decision: z.enum(['confirm', 'decline'], { message: '决定须为 confirm（同意）或 decline（不同意）' }), note: textField('意见', 1, 1000).nullable().optional() })
  .strict()
  .openapi('ClaimDecision');

export const ProjectStartSchema = z.object({ onDate: dateSchema.optional() }).strict().openapi('ProjectStart');
export const ProjectCompleteSchema = z
  .object({
    onDate: dateSchema.optional(),
    beneficiaries: int('受益人数', 0, 100_000_000),
    deliveredQty: int('完成数量', 0, 1_000_000_000),
    outcomeNote: textField('成效说明', 2, 5000),
    // Per need served (one row per allocation of the project): required when the project serves
    // more than one and the total falls short of what was promised, so acceptance knows what each got.
    allocations: z
      .array(z.object({ id: idRef('对接记录'), deliveredQty: int('该项完成数量', 0, 1_000_000_000) }).strict(), { message: '请逐项填写完成数量' })
      .max(100, { message: '最多 100 项' })
      .optional()
      .openapi({ description: '逐项完成数量（项目承接多项需求时按对接记录填写）' }),
  })
  .strict()
  .openapi('ProjectComplete');
export const ProjectAcceptSchema = z.object({ onDate: dateSchema.optional(), note: textField('验收意见', 2, 2000) }).strict().openapi('ProjectAccept');

export const ProjectNoteCreateSchema = z
  .object({
    kind: z.enum(['supervise', 'reply'], { message: '类别须为 supervise（督办意见）或 reply（办理回复）' }),
    body: textField('内容', 2, 2000),
    replyToId: z.string().max(40).nullable().optional(),
  })
  .strict()
  .openapi('ProjectNoteCreate');

export const MilestoneSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    weight: z.number().int(),
    dueOn: z.string().nullable(),
    progressPct: z.number().int(),
    doneOn: z.string().nullable(),
    note: z.string().nullable(),
    sortOrder: z.number().int(),
    overdue: z.boolean(),
  })
  .openapi('Milestone');
export const ClaimSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    status: z.enum(CLAIM_STATUSES),
    note: z.string().nullable(),
    decisionNote: z.string().nullable(),
    claimedAt: z.number().int(),
    decidedAt: z.number().int().nullable(),
  })
  .openapi('ProjectClaim');
export const AllocationSchema = z
  .object({
    id: z.string(),
    needId: z.string(),
    needTitle: z.string(),
    resourceId: z.string().nullable(),
    resourceTitle: z.string().nullable(),
    offeringOrgName: z.string().nullable(),
    quantity: z.number().int(),
    unit: z.string(),
    state: z.enum(ALLOCATION_STATES),
    deliveredQty: z.number().int().nullable().openapi({ description: '报告完成时填报的该项完成数量' }),
  })
  .openapi('Allocation');
export const ProjectNoteSchema = z
  .object({
    id: z.string(),
    kind: z.enum(PROJECT_NOTE_KINDS),
    body: z.string(),
    authorName: z.string().nullable(),
    authorOrgName: z.string().nullable(),
    replyToId: z.string().nullable(),
    notified: z.array(z.string()),
    onDate: z.string(),
    createdAt: z.number().int(),
  })
  .openapi('ProjectNote');

const projectSummary = {
  id: z.string(),
  allianceId: z.string(),
  allianceName: z.string(),
  title: z.string(),
  categoryId: z.string().nullable(),
  ownerName: z.string().nullable(),
  ownerOrgId: z.string().nullable(),
  ownerOrgName: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  budgetFen: z.number().int(),
  startOn: z.string().nullable(),
  dueOn: z.string(),
  progressBp: z.number().int().openapi({ description: '进度，万分比' }),
  overdue: z.boolean(),
  warning: z.enum(WARNING_LEVELS),
  warningReason: z.string().nullable(),
  claimOrgNames: z.array(z.string()).openapi({ description: '已确认的认领单位' }),
  version: z.number().int(),
  createdAt: z.number().int(),
};
export const ProjectSummarySchema = z.object(projectSummary).openapi('ProjectSummary');
export type ProjectSummaryView = z.infer<typeof ProjectSummarySchema>;

/**
 * A project's own fields, each typed once: the summary's and the detail's
 * (its budget lines among them). The detail adds what hangs off a project
 * (milestones, claims, allocations, notes) and what the reader may do; the
 * /v1 project (ADR 0029) picks from here by name. Not registered: a
 * registered parent would turn its children into `allOf` references in the
 * documents.
 */
const ProjectFields = z.object({
  ...projectSummary,
  description: z.string().nullable(),
  funding: z.array(FundingSchema),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  escalatedOn: z.string().nullable(),
  beneficiaries: z.number().int().nullable(),
  deliveredQty: z.number().int().nullable(),
  outcomeNote: z.string().nullable(),
  acceptanceNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

export const PROJECT_CAN_KEYS = ['update', 'plan', 'progress', 'claim', 'decideClaims', 'start', 'complete', 'accept', 'return', 'cancel', 'supervise', 'reply'] as const;
export const ProjectDetailSchema = ProjectFields.extend({
  milestones: z.array(MilestoneSchema),
  claims: z.array(ClaimSchema),
  allocations: z.array(AllocationSchema),
  notes: z.array(ProjectNoteSchema),
  can: z.record(z.enum(PROJECT_CAN_KEYS), z.boolean()),
  claimableOrgs: z.array(z.object({ id: z.string(), name: z.string() })).openapi({ description: '当前用户可代表认领的成员单位' }),
})
  .openapi('ProjectDetail');
export type ProjectDetailView = z.infer<typeof ProjectDetailSchema>;

export const ProjectListQuerySchema = z
  .object({
    q: searchQuery,
    allianceId: z.string().max(40).optional(),
    status: z.enum(PROJECT_STATUSES, { message: `状态须为：${PROJECT_STATUSES.join('、')}` }).optional(),
    warning: z.enum(WARNING_LEVELS, { message: `预警须为：${WARNING_LEVELS.join('、')}` }).optional(),
    claimOrgId: z.string().max(40).optional(),
    overdue: z.enum(['true', 'false'], { message: 'overdue 须为 true 或 false' }).optional(),
    cursor: z.string().max(400).optional(),
    limit: limitQuery,
  })
  .strict();
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;
export const ProjectPageSchema = z.object({ items: z.array(ProjectSummarySchema), nextCursor: z.string().nullable(), total: z.number().int() }).openapi('ProjectPage');

/** The board's filters: the list's, less the status (each column is one) and the cursor (a column's next page is the list's). */
export const ProjectBoardQuerySchema = ProjectListQuerySchema.omit({ status: true, cursor: true });
export type ProjectBoardQuery = z.infer<typeof ProjectBoardQuerySchema>;
export const ProjectBoardSchema = z
  .object({
    columns: z.array(
      z.object({
        status: z.enum(PROJECT_BOARD_STATUSES),
        items: z.array(ProjectSummarySchema),
        nextCursor: z.string().nullable().openapi({ description: '该列下一页：项目列表加 status 与此 cursor' }),
        total: z.number().int(),
      }),
    ),
  })
  .openapi('ProjectBoard');
export type ProjectBoardView = z.infer<typeof ProjectBoardSchema>;

export const WarningsQuerySchema = z
  .object({
    allianceId: z.string().max(40).optional(),
    level: z.enum(['red', 'yellow'], { message: '预警级别须为 red 或 yellow' }).optional(),
    mine: z.enum(['true', 'false']).optional().openapi({ description: '只看本人负责或督办的联合体' }),
    limit: limitQuery.openapi({ description: '红灯、黄灯项目和逾期需求各列出最紧急的前几项（默认 20，最多 100）；计数总是全部' }),
  })
  .strict();
export const WarningsResponseSchema = z
  .object({
    counts: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int(), overdueNeeds: z.number().int() }),
    projects: z.array(ProjectSummarySchema),
    overdueNeeds: z.array(NeedSchema),
    lastRunOn: z.string().nullable(),
  })
  .openapi('Warnings');
export type WarningsView = z.infer<typeof WarningsResponseSchema>;

export const SupervisionRunSchema = z
  .object({ checked: z.number().int(), red: z.number().int(), yellow: z.number().int(), escalated: z.number().int(), onDate: z.string() })
  .openapi('SupervisionRun');

// ── public API v1 ─────────────────────────────────────────────────────────

const { source: _pSource, raisedByOrgId: _pRaised, allianceId: _pNeedAlliance, raiserName: _pName, raiserPhone: _pPhone, communityCode: _pCommunity, ...submitFields } = needFields;
/**
 * 群众点单 from a residents' mini-program (ADR 0027): the place decides the
 * alliance (the alliance serving the community), unless the app names one; the
 * resident's name and phone are personal data, stored for the alliance to call
 * back and never shown again through /v1 beyond a masked form.
 */
export const PublicNeedSubmitSchema = placeRefinements(
  z
    .object({
      ...submitFields,
      allianceId: idRef('党建联合体').optional().openapi({ description: '可不填：按社区自动确定服务该社区的党建联合体' }),
      communityCode: communityCode.openapi({ description: '社区/嘎查村区划代码（12 位）：据此确定服务该社区的党建联合体' }),
      raiserName: personName.openapi({ description: '居民姓名（个人信息，仅供联合体联系，不在任何开放接口中返回）', example: '刘女士' }),
      raiserPhone: phoneSchema.openapi({ description: '居民电话（个人信息，仅以掩码形式返回）', example: '13904761111' }),
    })
    .strict(),
).openapi('PublicNeedSubmit');
export type PublicNeedSubmitInput = z.infer<typeof PublicNeedSubmitSchema>;

/** Where a resident's need stands, in the words a resident follows it by. */
export const RESIDENT_NEED_PROGRESS = ['submitted', 'matched', 'in_project', 'met', 'cancelled', 'closed'] as const;
export type ResidentNeedProgress = (typeof RESIDENT_NEED_PROGRESS)[number];
export const RESIDENT_NEED_PROGRESS_LABELS: Record<ResidentNeedProgress, string> = {
  submitted: '已受理，等待对接',
  matched: '已匹配资源',
  in_project: '项目实施中',
  met: '已满足',
  cancelled: '已取消',
  closed: '已关闭',
};

/** A resident's need as the app follows it: its reference, where it stands, and the contact only masked. */
export const PublicNeedReceiptSchema = z
  .object({
    ref: z.string().openapi({ description: '需求编号：查询进度、取消时使用' }),
    title: z.string(),
    source: z.enum(NEED_SOURCES),
    allianceId: z.string(),
    allianceName: z.string(),
    placeName: z.string().nullable(),
    quantity: z.number().int(),
    unit: z.string(),
    deadline: z.string(),
    progress: z.enum(RESIDENT_NEED_PROGRESS),
    progressLabel: z.string(),
    status: z.enum(NEED_STATUSES),
    contactMasked: z.string().nullable().openapi({ description: '居民电话（掩码）', example: '139****1111' }),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('PublicNeedReceipt');
export type PublicNeedReceipt = z.infer<typeof PublicNeedReceiptSchema>;

/** What third parties see of a need: no names or phones of the people who raised it. */
export const PublicNeedSchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    title: z.string(),
    source: z.enum(NEED_SOURCES),
    categoryName: z.string(),
    quantity: z.number().int(),
    unit: z.string(),
    placeName: z.string().nullable(),
    urgency: z.number().int(),
    deadline: z.string(),
    committedQty: z.number().int(),
    inDeliveryQty: z.number().int(),
    fulfilledQty: z.number().int(),
    status: z.enum(NEED_STATUSES),
    createdAt: z.number().int(),
    // Added with the place and category filters (ADR 0029: v1 only ever adds fields).
    categoryId: z.string(),
    streetCode: z.string().nullable(),
    communityCode: z.string().nullable(),
    gridName: z.string().nullable(),
  })
  .openapi('PublicNeed');

/** An alliance's open projects, needs and resources, for the committee settling them at dissolution (ADR 0016). */
export const OpenWorkSchema = z
  .object({
    projects: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(PROJECT_STATUSES) })),
    needs: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(NEED_STATUSES), remaining: z.number().int(), unit: z.string() })),
    resources: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(RESOURCE_STATUSES), unit: z.string() })),
    targets: z.array(z.object({ id: z.string(), name: z.string() })).openapi({ description: '可接收移交的本旗县区运行中的党建联合体' }),
  })
  .openapi('AllianceOpenWork');
export type OpenWorkView = z.infer<typeof OpenWorkSchema>;

// ── the public API's projects (issue 14; ADR 0029) ─────────────────────────

/** Project states a third party sees; a cancelled project looks missing (404). */
export const PUBLIC_PROJECT_STATUSES = ['proposed', 'claimed', 'in_progress', 'completed', 'accepted'] as const;

export const PublicProjectQuerySchema = z
  .object({
    allianceId: z.string().max(40).optional(),
    status: z.enum(PUBLIC_PROJECT_STATUSES, { message: `状态须为：${PUBLIC_PROJECT_STATUSES.join('、')}` }).optional(),
    categoryId: z.string().max(40).optional(),
    updatedSince: z.coerce
      .number({ message: 'updatedSince 须为毫秒时间戳' })
      .int({ message: 'updatedSince 须为毫秒时间戳' })
      .min(0, { message: 'updatedSince 须为毫秒时间戳' })
      .optional()
      .openapi({ description: '只返回此时刻（Unix 毫秒）之后有变化的项目', example: 1764892800000 }),
    cursor: z.string().max(400).optional(),
    limit: limitQuery,
  })
  .strict();
export type PublicProjectQuery = z.infer<typeof PublicProjectQuerySchema>;

/**
 * A project as third parties see it: organizations by name, no 负责人, no budget lines, no 督办 notes.
 * The fields it shares with the management views come from ProjectFields; the pick is a whitelist, so
 * a field added there for staff stays out of /v1 until it is named here. The mask's order is the
 * document's property order (zod's pick follows the mask), kept as /v1 has always listed it.
 */
export const PublicProjectSchema = ProjectFields.extend({
  // Narrower than staff see: a cancelled project is a 404 here.
  status: z.enum(PUBLIC_PROJECT_STATUSES),
  categoryName: z.string().nullable(),
  /** Weighted milestone progress, 0–100 with two decimals. */
  progressPercent: z.number(),
  milestonesDone: z.number().int(),
  milestonesTotal: z.number().int(),
  /** The member organizations whose claims the alliance confirmed. */
  claimants: z.array(z.object({ orgId: z.string(), orgName: z.string() })),
  /** The needs it meets (allocations not released). */
  needIds: z.array(z.string()),
  updatedAt: z.number().int(),
})
  .pick({
    id: true,
    allianceId: true,
    allianceName: true,
    title: true,
    description: true,
    categoryId: true,
    categoryName: true,
    ownerOrgId: true,
    ownerOrgName: true,
    status: true,
    progressPercent: true,
    milestonesDone: true,
    milestonesTotal: true,
    startOn: true,
    dueOn: true,
    startedOn: true,
    completedOn: true,
    acceptedOn: true,
    beneficiaries: true,
    claimants: true,
    needIds: true,
    createdAt: true,
    updatedAt: true,
  })
  .openapi('PublicProject');
export type PublicProject = z.infer<typeof PublicProjectSchema>;
