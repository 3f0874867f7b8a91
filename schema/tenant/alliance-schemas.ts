import { z } from '@hono/zod-openapi';
import {
  ADJUSTMENT_KINDS,
  ADJUSTMENT_STATUSES,
  ALLIANCE_ACTIONS,
  ALLIANCE_MODELS,
  ALLIANCE_STATUSES,
  ALLIANCE_TYPES,
  CONSORTIUM_ROLES,
  DOCUMENT_KINDS,
  EDITABLE_DOCUMENT_KINDS,
  ORIGINAL_TYPES,
  FILING_KINDS,
  FILING_STATES,
  GOVERNANCE_LAYERS,
  GOVERNANCE_POSTS,
  MEMBER_ROLES,
  ORG_DOMAINS,
  PAIRING_FORMS,
  ROUTE_THEMES,
} from '../enums.ts';
import { plainText } from '../text.ts';
import { phoneSchema } from './registry-schemas.ts';

// Edge schemas of the alliance area. Strict objects throughout: unknown
// fields (status, version, ids of other tenants' things …) are refused.

const idRef = (label: string) => z.string({ message: `请选择${label}` }).min(1, { message: `请选择${label}` }).max(40, { message: `${label}编号无效` });

/** A calendar date in Asia/Shanghai, 'YYYY-MM-DD', that exists. */
export const dateSchema = z
  .string({ message: '日期格式应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '2000-01-01';
    },
    { message: '不是有效的日期' },
  )
  .openapi({ example: '2026-03-18' });

// A field allowed more than 200 characters holds paragraphs (descriptions,
// notes, reasons, document bodies): it may keep line breaks and tabs; shorter
// ones (names, titles, addresses) are one line.
const text = (label: string, min: number, max: number) =>
  plainText(label, { multiline: max > 200, message: `请填写${label}` })
    .min(min, { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .max(max, { message: `${label}不能超过 ${max} 个字` });

const personName = text('姓名', 1, 40);
export const reasonSchema = text('原因', 2, 1000);

export const ConsortiumSchema = z
  .object({
    largeGrowers: z.number({ message: '种养殖大户数须为整数' }).int({ message: '种养殖大户数须为整数' }).min(0, { message: '不能为负数' }).max(100000),
    households: z.number({ message: '参与农牧户数须为整数' }).int({ message: '参与农牧户数须为整数' }).min(0, { message: '不能为负数' }).max(10_000_000),
    householdsTotal: z
      .number({ message: '农牧户总数须为整数' })
      .int({ message: '农牧户总数须为整数' })
      .min(0, { message: '不能为负数' })
      .max(10_000_000),
  })
  .strict()
  .refine((c) => c.households <= c.householdsTotal, { message: '参与农牧户数不能超过农牧户总数', path: ['households'] })
  .openapi('ConsortiumProfile', { description: '产业化联合体中非党组织部分（种养殖大户、农牧户）' });

const contributionBp = z
  .number({ message: '出资比例须为整数（万分比）' })
  .int({ message: '出资比例须为整数（万分比）' })
  .min(0, { message: '出资比例不能为负数' })
  .max(10000, { message: '出资比例不能超过 100%' })
  .openapi({ description: '出资比例，万分比：2500 即 25%' });

const liaisonPartyMember = z
  .boolean({ message: '联络员是否党员须为 是 或 否' })
  .openapi({ description: '联络员是否为党员（seed 000 11.1.2：成员单位明确 1 名党员担任联络员）' });

const allianceFields = {
  name: text('联合体名称', 2, 100).openapi({ example: '铁南社区“大党委”党建联合体' }),
  type: z.enum(ALLIANCE_TYPES, { message: `联合体类型须为：${ALLIANCE_TYPES.join('、')}` }),
  typeNote: text('类型说明', 1, 60).nullable().openapi({ description: '“党建联合体+”的具体名称' }),
  model: z.enum(ALLIANCE_MODELS, { message: `融合模式须为：${ALLIANCE_MODELS.join('、')}` }),
  pairingForm: z.enum(PAIRING_FORMS, { message: `联建方式须为：${PAIRING_FORMS.join('、')}` }),
  vision: text('共同愿景', 2, 2000),
  commonNeeds: text('共同需求', 2, 2000),
  leadOrgId: idRef('牵头党组织'),
  committeeOrgId: idRef('上级党(工)委'),
  houseRules: z.array(text('制度名称', 1, 40), { message: '制度须为列表' }).max(20, { message: '最多 20 项制度' }),
  consortium: ConsortiumSchema.nullable(),
};

export const MemberInputSchema = z
  .object({
    orgId: idRef('成员党组织'),
    consortiumRole: z.enum(CONSORTIUM_ROLES, { message: `在产业化联合体中的角色须为：${CONSORTIUM_ROLES.join('、')}` }).nullable().optional(),
    contributionBp: contributionBp.optional(),
    liaisonName: personName.nullable().optional(),
    liaisonPhone: phoneSchema.nullable().optional(),
    liaisonPartyMember: liaisonPartyMember.optional(),
  })
  .strict()
  .openapi('AllianceMemberInput');
export type MemberInput = z.infer<typeof MemberInputSchema>;

/** Issue 11: the liaison chosen from the people registry; name, phone and party membership are then taken from the person. */
const liaisonPersonId = z
  .string({ message: '请选择联络员' })
  .min(1, { message: '请选择联络员' })
  .max(40, { message: '联络员编号无效' })
  .nullable()
  .openapi({ description: '从人员库选择的联络员（须为本成员单位或其下级的在册党员）；填写后联络员姓名、电话由人员信息带出' });

export const MemberAddSchema = MemberInputSchema.extend({ liaisonPersonId: liaisonPersonId.optional() }).strict().openapi('AllianceMemberAdd');
export type MemberAddInput = z.infer<typeof MemberAddSchema>;

export const AllianceCreateSchema = z
  .object({
    name: allianceFields.name,
    type: allianceFields.type,
    typeNote: allianceFields.typeNote.optional(),
    model: allianceFields.model,
    pairingForm: allianceFields.pairingForm,
    vision: allianceFields.vision,
    commonNeeds: allianceFields.commonNeeds,
    leadOrgId: allianceFields.leadOrgId,
    committeeOrgId: allianceFields.committeeOrgId,
    houseRules: allianceFields.houseRules.optional(),
    consortium: allianceFields.consortium.optional(),
    members: z.array(MemberInputSchema).max(200, { message: '成员单位最多 200 个' }).optional().openapi({ description: '拟加入的成员单位（牵头党组织自动加入）' }),
  })
  .strict()
  .openapi('AllianceCreate');
export type AllianceCreateInput = z.infer<typeof AllianceCreateSchema>;

export const AllianceUpdateSchema = z
  .object({
    name: allianceFields.name.optional(),
    type: allianceFields.type.optional(),
    typeNote: allianceFields.typeNote.optional(),
    model: allianceFields.model.optional(),
    pairingForm: allianceFields.pairingForm.optional(),
    vision: allianceFields.vision.optional(),
    commonNeeds: allianceFields.commonNeeds.optional(),
    leadOrgId: allianceFields.leadOrgId.optional(),
    committeeOrgId: allianceFields.committeeOrgId.optional(),
    houseRules: allianceFields.houseRules.optional(),
    consortium: allianceFields.consortium.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('AllianceUpdate');
export type AllianceUpdateInput = z.infer<typeof AllianceUpdateSchema>;

export const MemberUpdateSchema = z
  .object({
    consortiumRole: MemberInputSchema.shape.consortiumRole,
    contributionBp: contributionBp.optional(),
    liaisonName: personName.nullable().optional(),
    liaisonPhone: phoneSchema.nullable().optional(),
    liaisonPartyMember: liaisonPartyMember.optional(),
    liaisonPersonId: liaisonPersonId.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('AllianceMemberUpdate');
export type MemberUpdateInput = z.infer<typeof MemberUpdateSchema>;

export const GovernanceSeatInputSchema = z
  .object({
    layer: z.enum(GOVERNANCE_LAYERS, { message: `层级须为：${GOVERNANCE_LAYERS.join('、')}` }),
    post: z.enum(GOVERNANCE_POSTS, { message: `职务须为：${GOVERNANCE_POSTS.join('、')}` }),
    personName,
    orgId: idRef('所在党组织').nullable().optional(),
  })
  .strict();
export const GovernanceInputSchema = z
  .object({ seats: z.array(GovernanceSeatInputSchema, { message: '请填写议事机构人员' }).max(80, { message: '议事机构最多 80 人' }) })
  .strict()
  .openapi('AllianceGovernanceInput');
export type GovernanceInput = z.infer<typeof GovernanceInputSchema>;


const documentFields = {
  title: text('标题', 2, 100),
  docDate: dateSchema.nullable(),
  status: z.enum(['draft', 'adopted'], { message: '状态须为 draft（草稿）或 adopted（已通过/已签署）' }),
  signerName: personName.nullable(),
  signerOrgId: idRef('签署单位').nullable(),
  year: z.number({ message: '年度须为整数' }).int({ message: '年度须为整数' }).min(2000, { message: '年度无效' }).max(2100, { message: '年度无效' }).nullable(),
  content: text('正文', 1, 50_000),
};

export const DocumentCreateSchema = z
  .object({
    kind: z.enum(EDITABLE_DOCUMENT_KINDS, { message: `文书类别须为：${EDITABLE_DOCUMENT_KINDS.join('、')}` }),
    title: documentFields.title,
    docDate: documentFields.docDate.optional(),
    status: documentFields.status.optional(),
    signerName: documentFields.signerName.optional(),
    signerOrgId: documentFields.signerOrgId.optional(),
    year: documentFields.year.optional(),
    content: documentFields.content,
  })
  .strict()
  .openapi('AllianceDocumentCreate');
export type DocumentCreateInput = z.infer<typeof DocumentCreateSchema>;

export const DocumentUpdateSchema = z
  .object({
    title: documentFields.title.optional(),
    docDate: documentFields.docDate.optional(),
    status: documentFields.status.optional(),
    signerName: documentFields.signerName.optional(),
    signerOrgId: documentFields.signerOrgId.optional(),
    year: documentFields.year.optional(),
    content: documentFields.content.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('AllianceDocumentUpdate');
export type DocumentUpdateInput = z.infer<typeof DocumentUpdateSchema>;

// ── Settling open work when an alliance is dissolved (ADR 0016) ────────────

/**
 * What becomes of an open item: `cancel` (a project is cancelled, a need
 * closed, with the dissolution's reason), `release` (a resource is withdrawn:
 * what it offered goes back to its organization) or `hand_over` (to another
 * running alliance of the county, which carries it on).
 */
export const SETTLEMENT_CHOICES = ['cancel', 'release', 'hand_over'] as const;
export type SettlementChoice = (typeof SETTLEMENT_CHOICES)[number];
export const SETTLEMENT_KINDS = ['project', 'need', 'resource'] as const;
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number];
const settlementChoice = z.enum(SETTLEMENT_CHOICES, { message: '处理方式须为：cancel（取消/关闭）、release（释放资源）、hand_over（移交）' });
export const SettlementSchema = z
  .object({
    default: z
      .object({
        choice: z.enum(['cancel', 'hand_over'], { message: '统一处理方式须为：cancel（取消项目、关闭需求、释放资源）或 hand_over（全部移交）' }),
        targetAllianceId: idRef('接收的党建联合体').optional(),
      })
      .strict()
      .optional()
      .openapi({ description: '未逐项指定的事项统一如何处理；cancel 对资源即释放' }),
    items: z
      .array(
        z
          .object({
            kind: z.enum(SETTLEMENT_KINDS, { message: '事项类别须为 project、need 或 resource' }),
            id: idRef('事项'),
            choice: settlementChoice,
            targetAllianceId: idRef('接收的党建联合体').optional(),
          })
          .strict(),
      )
      .max(500, { message: '逐项处理最多 500 项' })
      .optional(),
  })
  .strict()
  .openapi('DissolutionSettlement');
export type SettlementInput = z.infer<typeof SettlementSchema>;

/** One open item as settled, for the timelines (the alliance's and the receiving one's). */
export interface SettledItem {
  kind: SettlementKind;
  id: string;
  title: string;
  choice: SettlementChoice;
  targetAllianceId: string | null;
  targetAllianceName: string | null;
}

// ── Workflow bodies, one per action ────────────────────────────────────────

const onDate = dateSchema.optional().openapi({ description: '决定或会议日期，缺省为今天' });
export const TRANSITION_BODIES = {
  apply: z.object({ onDate }).strict(),
  withdraw: z.object({ onDate, reason: reasonSchema }).strict(),
  approve: z.object({ onDate, replyTitle: text('批复标题', 2, 100).optional(), replyText: text('批复内容', 2, 20_000) }).strict(),
  reject: z.object({ onDate, replyTitle: text('批复标题', 2, 100).optional(), replyText: text('批复内容', 2, 20_000) }).strict(),
  revise: z.object({ onDate, reason: reasonSchema.optional() }).strict(),
  establish: z.object({ foundedOn: dateSchema.openapi({ description: '成立大会日期' }) }).strict(),
  start: z.object({ onDate }).strict(),
  rectify: z.object({ onDate, reason: reasonSchema }).strict(),
  restore: z.object({ onDate, reason: reasonSchema }).strict(),
  dissolve: z
    .object({
      onDate,
      reason: reasonSchema,
      settlement: SettlementSchema.optional().openapi({ description: '联合体尚有未结的项目、需求或资源时必填：逐项（或统一）决定取消、释放或移交' }),
    })
    .strict(),
} as const;
export type TransitionInput = { onDate?: string; reason?: string; replyTitle?: string; replyText?: string; foundedOn?: string; settlement?: SettlementInput };

export const AdjustmentCreateSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('member_join'), reason: reasonSchema, orgId: idRef('加入的党组织'), contributionBp: contributionBp.optional(), consortiumRole: MemberInputSchema.shape.consortiumRole }).strict(),
      z.object({ kind: z.literal('member_leave'), reason: reasonSchema, memberId: idRef('退出的成员') }).strict(),
      z.object({ kind: z.literal('type_change'), reason: reasonSchema, type: allianceFields.type, typeNote: allianceFields.typeNote.optional() }).strict(),
      z.object({ kind: z.literal('lead_change'), reason: reasonSchema, orgId: idRef('新的牵头党组织') }).strict(),
    ],
    { message: `调整类别须为：${ADJUSTMENT_KINDS.join('、')}` },
  )
  .openapi('AllianceAdjustmentCreate');
export type AdjustmentCreateInput = z.infer<typeof AdjustmentCreateSchema>;

/** The contribution ratio an organization holds after the decision (a join or leave may need them rebalanced). */
export const ContributionResolutionSchema = z.object({ orgId: idRef('成员党组织'), contributionBp }).strict();

export const AdjustmentDecisionSchema = z
  .object({
    onDate,
    note: text('决定意见', 2, 2000),
    contributions: z
      .array(ContributionResolutionSchema, { message: '出资比例须为列表' })
      .max(200, { message: '最多 200 个成员' })
      .refine((l) => new Set(l.map((c) => c.orgId)).size === l.length, { message: '同一成员只能填一次出资比例' })
      .optional()
      .openapi({ description: '同意加入或退出时，调整后各成员的出资比例（万分比）；未列出的成员保持原比例。调整后合计须为 100% 或都不填' }),
  })
  .strict()
  .openapi('AllianceAdjustmentDecision');

// ── Views ──────────────────────────────────────────────────────────────────

export const ProblemItemSchema = z.object({ code: z.string(), message: z.string() }).openapi('RuleProblem');
export type ProblemItem = z.infer<typeof ProblemItemSchema>;

export const AllianceSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(ALLIANCE_TYPES),
    typeNote: z.string().nullable(),
    model: z.enum(ALLIANCE_MODELS),
    pairingForm: z.enum(PAIRING_FORMS),
    status: z.enum(ALLIANCE_STATUSES),
    leadOrgId: z.string(),
    leadOrgName: z.string(),
    committeeOrgId: z.string(),
    committeeOrgName: z.string(),
    memberCount: z.number().int(),
    appliedOn: z.string().nullable(),
    approvedOn: z.string().nullable(),
    foundedOn: z.string().nullable(),
    compliant: z
      .boolean()
      .nullable()
      .openapi({ description: '成立后的联合体是否仍满足组建条件（三层议事机构、每个成员的共建协议与党员联络员、出资比例）；成立前为 null' }),
    version: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('AllianceSummary');
export type AllianceSummary = z.infer<typeof AllianceSummarySchema>;

export const AllianceListSchema = z
  .object({ items: z.array(AllianceSummarySchema), total: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('AllianceList');

export const AllianceListQuerySchema = z
  .object({
    q: z.string().trim().max(50, { message: '搜索词不能超过 50 个字' }).optional(),
    type: allianceFields.type.optional(),
    model: allianceFields.model.optional(),
    status: z.enum(ALLIANCE_STATUSES, { message: `状态须为：${ALLIANCE_STATUSES.join('、')}` }).optional(),
    committeeId: z.string().max(40).optional().openapi({ description: '审批的上级党(工)委' }),
    streetId: z.string().max(40).optional().openapi({ description: '街道/苏木乡镇：牵头党组织在其下，或由其审批' }),
    orgId: z.string().max(40).optional().openapi({ description: '某党组织现为成员的联合体' }),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type AllianceListQuery = z.infer<typeof AllianceListQuerySchema>;

export const AllianceMemberSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    orgDomain: z.enum(ORG_DOMAINS),
    isExternal: z.boolean(),
    externalRegion: z.string().nullable(),
    secretaryName: z.string().nullable(),
    role: z.enum(MEMBER_ROLES),
    consortiumRole: z.enum(CONSORTIUM_ROLES).nullable(),
    contributionBp: z.number().int(),
    liaisonName: z.string().nullable(),
    liaisonPhone: z.string().nullable(),
    liaisonPartyMember: z.boolean(),
    liaisonPersonId: z.string().nullable().openapi({ description: '从人员库选择的联络员；早于人员库的记录为空（只有姓名、电话）' }),
    joinedOn: z.string().nullable(),
    leftOn: z.string().nullable(),
    leaveReason: z.string().nullable(),
    current: z.boolean(),
    version: z.number().int(),
    canUpdate: z.boolean().openapi({ description: '当前用户能否修改该成员记录（联络员只能改本单位的联络员信息）' }),
  })
  .openapi('AllianceMember');
export type AllianceMemberView = z.infer<typeof AllianceMemberSchema>;

export const GovernanceSeatSchema = z
  .object({ id: z.string(), layer: z.enum(GOVERNANCE_LAYERS), post: z.enum(GOVERNANCE_POSTS), personName: z.string(), orgId: z.string().nullable(), orgName: z.string().nullable() })
  .openapi('AllianceGovernanceSeat');

/** The scanned, stamped original of a document (ADR 0017); its bytes are downloaded from `…/original`. */
export const DocumentOriginalSchema = z
  .object({
    sha256: z.string().openapi({ description: '文件的 SHA-256（十六进制），可据此核对下载件' }),
    size: z.number().int().openapi({ description: '字节数' }),
    contentType: z.enum(ORIGINAL_TYPES),
    fileName: z.string().nullable(),
    uploadedAt: z.number().int(),
    uploadedByName: z.string().nullable(),
  })
  .openapi('AllianceDocumentOriginal');
export type DocumentOriginalView = z.infer<typeof DocumentOriginalSchema>;

export const DocumentMetaSchema = z
  .object({
    id: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string(),
    docDate: z.string().nullable(),
    status: z.enum(['draft', 'adopted']),
    signerName: z.string().nullable(),
    signerOrgId: z.string().nullable(),
    signerOrgName: z.string().nullable(),
    year: z.number().int().nullable(),
    contentHash: z.string(),
    original: DocumentOriginalSchema.nullable().openapi({ description: '盖章扫描件；未上传为 null' }),
    version: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('AllianceDocumentMeta');
export const DocumentSchema = DocumentMetaSchema.extend({ allianceId: z.string(), content: z.string() }).openapi('AllianceDocument');
export type DocumentView = z.infer<typeof DocumentSchema>;

export const AllianceEventSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    actionLabel: z.string(),
    fromStatus: z.enum(ALLIANCE_STATUSES).nullable(),
    toStatus: z.enum(ALLIANCE_STATUSES),
    onDate: z.string(),
    at: z.number().int(),
    actorName: z.string(),
    actorRole: z.string(),
    reason: z.string().nullable(),
    documentId: z.string().nullable(),
    adjustmentId: z.string().nullable(),
  })
  .openapi('AllianceEvent');

export const AdjustmentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ADJUSTMENT_KINDS),
    summary: z.string(),
    payload: z.record(z.string(), z.unknown()),
    reason: z.string(),
    status: z.enum(ADJUSTMENT_STATUSES),
    proposedByName: z.string(),
    proposedAt: z.number().int(),
    decidedByName: z.string().nullable(),
    decidedOn: z.string().nullable(),
    decisionNote: z.string().nullable(),
    outstanding: z
      .array(ProblemItemSchema)
      .openapi({ description: '待决定的调整：同意后新成员尚欠的事项（共建协议、联络员）和须在决定中解决的问题（出资比例合计）' }),
    contributionsAfter: z
      .array(z.object({ orgId: z.string(), orgName: z.string(), contributionBp: z.number().int() }))
      .nullable()
      .openapi({ description: '待决定的加入或退出：同意后各成员的出资比例（未重新分配时）' }),
    version: z.number().int(),
  })
  .openapi('AllianceAdjustment');

export const ALLIANCE_CAN_KEYS = [...ALLIANCE_ACTIONS, 'update', 'editMembers', 'updateMembers', 'editGovernance', 'editDocuments', 'proposeAdjustment', 'decideAdjustment'] as const;

export const AllianceDetailSchema = AllianceSummarySchema.extend({
  vision: z.string(),
  commonNeeds: z.string(),
  houseRules: z.array(z.string()),
  consortium: z.object({ largeGrowers: z.number().int(), households: z.number().int(), householdsTotal: z.number().int() }).nullable(),
  startedOn: z.string().nullable(),
  dissolvedOn: z.string().nullable(),
  createdAt: z.number().int(),
  contributionTotalBp: z.number().int().openapi({ description: '现有成员出资比例合计（万分比）' }),
  members: z.array(AllianceMemberSchema),
  governance: z.array(GovernanceSeatSchema),
  documents: z.array(DocumentMetaSchema),
  adjustments: z.array(AdjustmentSchema),
  timeline: z.array(AllianceEventSchema),
  checks: z
    .object({
      composition: z.array(ProblemItemSchema).openapi({ description: '类型的组成要求；负责人一项自批准后（议事机构组建时）才检查' }),
      apply: z.array(ProblemItemSchema),
      establish: z.array(ProblemItemSchema),
      start: z.array(ProblemItemSchema),
      running: z.array(ProblemItemSchema).openapi({ description: '成立后须一直满足的条件（seed 000 8.1、11.1.2）：三层议事机构、每个成员的共建协议与党员联络员、出资比例合计' }),
    })
    .openapi({ description: '组成规则与各环节尚缺的条件（为空即满足）' }),
  can: z.record(z.enum(ALLIANCE_CAN_KEYS), z.boolean()).openapi({ description: '当前用户此刻可执行的操作（界面据此显示按钮；服务端逐次校验）' }),
}).openapi('AllianceDetail');
export type AllianceDetail = z.infer<typeof AllianceDetailSchema>;

// ── Filings ────────────────────────────────────────────────────────────────

export const FilingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(FILING_KINDS),
    kindLabel: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    committeeName: z.string(),
    title: z.string(),
    summary: z.string(),
    documentId: z.string().nullable(),
    filedOn: z.string(),
    filedAt: z.number().int(),
    filedByName: z.string(),
    countyState: z.enum(FILING_STATES),
    countyAckAt: z.number().int().nullable(),
    countyAckBy: z.string().nullable(),
    cityState: z.enum(FILING_STATES),
    cityAckAt: z.number().int().nullable(),
    cityAckBy: z.string().nullable().optional().openapi({ description: '市委组织部签收人（账号名称）' }),
    version: z.number().int(),
  })
  .openapi('Filing');
export type FilingView = z.infer<typeof FilingSchema>;

export const FilingListQuerySchema = z
  .object({
    kind: z.enum(FILING_KINDS, { message: `备案类别须为：${FILING_KINDS.join('、')}` }).optional(),
    state: z.enum(FILING_STATES, { message: '状态须为 unread（未读）或 acknowledged（已阅）' }).optional(),
    allianceId: z.string().max(40).optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type FilingListQuery = z.infer<typeof FilingListQuerySchema>;
/** 批量标记已阅: the filings a reader selected (one page at most). */
export const FilingAcknowledgeManySchema = z
  .object({
    ids: z
      .array(idRef('备案'), { message: '请选择要标记已阅的备案' })
      .min(1, { message: '请至少选择一件备案' })
      .max(100, { message: '一次最多标记 100 件备案' }),
  })
  .strict()
  .openapi('FilingAcknowledgeMany');
export type FilingAcknowledgeManyInput = z.infer<typeof FilingAcknowledgeManySchema>;
export const FilingAcknowledgeManyResultSchema = z
  .object({
    acknowledged: z.number().int().openapi({ description: '本次由未读变为已阅的件数（已阅的不重复计）' }),
    items: z.array(FilingSchema),
  })
  .openapi('FilingAcknowledgeManyResult');

export const FilingListSchema = z
  .object({ items: z.array(FilingSchema), total: z.number().int(), unread: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('FilingList');

// ── The city's filings inbox (issue 13, ADR 0024) ──────────────────────────

export const CityFilingSchema = z
  .object({
    tenant: z.string().openapi({ description: '旗县区（租户标识）' }),
    tenantName: z.string(),
    id: z.string(),
    kind: z.enum(FILING_KINDS),
    kindLabel: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    committeeName: z.string(),
    title: z.string(),
    summary: z.string(),
    filedOn: z.string(),
    filedAt: z.number().int(),
    countyState: z.enum(FILING_STATES),
    cityState: z.enum(FILING_STATES),
    cityAckAt: z.number().int().nullable(),
    cityAckBy: z.string().nullable(),
  })
  .openapi('CityFiling');
export type CityFilingView = z.infer<typeof CityFilingSchema>;

export const CityFilingListQuerySchema = z
  .object({
    tenant: z.string().max(40).optional().openapi({ description: '只看某个旗县区' }),
    kind: z.enum(FILING_KINDS, { message: `备案类别须为：${FILING_KINDS.join('、')}` }).optional(),
    state: z.enum(FILING_STATES, { message: '状态须为 unread（未读）或 acknowledged（已阅）' }).optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type CityFilingListQuery = z.infer<typeof CityFilingListQuerySchema>;

export const CityFilingListSchema = z
  .object({ items: z.array(CityFilingSchema), total: z.number().int(), unread: z.number().int(), nextCursor: z.string().nullable() })
  .openapi('CityFilingList');

/** 市委组织部签收: filings of any counties, one page at most. */
export const CityFilingAcknowledgeSchema = z
  .object({
    items: z
      .array(
        z.object({ tenant: z.string({ message: '请选择旗县区' }).min(1, { message: '请选择旗县区' }).max(40, { message: '旗县区标识过长' }), id: idRef('备案') }).strict(),
        { message: '请选择要签收的备案' },
      )
      .min(1, { message: '请至少选择一件备案' })
      .max(100, { message: '一次最多签收 100 件备案' }),
  })
  .strict()
  .openapi('CityFilingAcknowledge');
export type CityFilingAcknowledgeInput = z.infer<typeof CityFilingAcknowledgeSchema>;

export const CityFilingAcknowledgeResultSchema = z
  .object({
    acknowledged: z.number().int().openapi({ description: '本次由未签收变为已签收的件数' }),
    items: z.array(CityFilingSchema),
    failedCounties: z.array(z.object({ tenant: z.string(), tenantName: z.string() })).openapi({ description: '本次未能写入的旗县区（可稍后重试；已签收的不受影响）' }),
  })
  .openapi('CityFilingAcknowledgeResult');

// ── Red routes and districts ───────────────────────────────────────────────

const allianceIds = (min: number, label: string) =>
  z
    .array(idRef('联合体'), { message: `请选择${label}` })
    .min(min, { message: `${label}至少 ${min} 个` })
    .max(50, { message: `${label}最多 50 个` })
    .refine((ids) => new Set(ids).size === ids.length, { message: `${label}不能重复` });

export const RedRouteCreateSchema = z
  .object({ name: text('名称', 2, 100), theme: z.enum(ROUTE_THEMES, { message: `主题须为：${ROUTE_THEMES.join('、')}` }), description: text('简介', 2, 2000), allianceIds: allianceIds(2, '沿线联合体') })
  .strict()
  .openapi('RedRouteCreate');
export type RedRouteCreateInput = z.infer<typeof RedRouteCreateSchema>;
export const RedRouteUpdateSchema = z
  .object({
    name: RedRouteCreateSchema.shape.name.optional(),
    theme: RedRouteCreateSchema.shape.theme.optional(),
    description: RedRouteCreateSchema.shape.description.optional(),
    allianceIds: RedRouteCreateSchema.shape.allianceIds.optional(),
    status: z.enum(['active', 'archived'], { message: '状态须为 active 或 archived' }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('RedRouteUpdate');
export type RedRouteUpdateInput = z.infer<typeof RedRouteUpdateSchema>;

const AllianceRefSchema = z.object({ id: z.string(), name: z.string(), status: z.enum(ALLIANCE_STATUSES) }).openapi('AllianceRef');

export const RedRouteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    theme: z.enum(ROUTE_THEMES),
    description: z.string(),
    status: z.enum(['active', 'archived']),
    stops: z.array(AllianceRefSchema),
    version: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('RedRoute');
export type RedRouteView = z.infer<typeof RedRouteSchema>;

export const RedDistrictCreateSchema = z
  .object({
    name: text('名称', 2, 100),
    description: text('简介', 2, 2000),
    allianceIds: z.array(idRef('联合体')).max(100, { message: '联合体最多 100 个' }).refine((ids) => new Set(ids).size === ids.length, { message: '联合体不能重复' }),
    routeIds: z.array(idRef('红色风景线')).max(30, { message: '红色风景线最多 30 条' }).refine((ids) => new Set(ids).size === ids.length, { message: '红色风景线不能重复' }),
  })
  .strict()
  .refine((v) => v.allianceIds.length + v.routeIds.length > 0, { message: '片区至少包含一个联合体或一条红色风景线', path: ['allianceIds'] })
  .openapi('RedDistrictCreate');
export type RedDistrictCreateInput = z.infer<typeof RedDistrictCreateSchema>;
export const RedDistrictUpdateSchema = z
  .object({
    name: text('名称', 2, 100).optional(),
    description: text('简介', 2, 2000).optional(),
    allianceIds: z.array(idRef('联合体')).max(100).refine((ids) => new Set(ids).size === ids.length, { message: '联合体不能重复' }).optional(),
    routeIds: z.array(idRef('红色风景线')).max(30).refine((ids) => new Set(ids).size === ids.length, { message: '红色风景线不能重复' }).optional(),
    status: z.enum(['active', 'archived'], { message: '状态须为 active 或 archived' }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('RedDistrictUpdate');
export type RedDistrictUpdateInput = z.infer<typeof RedDistrictUpdateSchema>;

export const RedDistrictSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(['active', 'archived']),
    alliances: z.array(AllianceRefSchema),
    routes: z.array(z.object({ id: z.string(), name: z.string(), theme: z.enum(ROUTE_THEMES) })),
    version: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('RedDistrict');
export type RedDistrictView = z.infer<typeof RedDistrictSchema>;

/** Field builders shared with the other areas' edge schemas (same messages everywhere). */
export { idRef, text as textField, personName };
