// The activities capability's edge schemas (zod: inputs, views, labels).
import { z } from '@hono/zod-openapi';
import { DECISION_STATUSES, ORG_LIFE_KINDS, ORG_LIFE_PERIODS, WARNING_LEVELS } from '../enums.ts';
import { plainText } from '../text.ts';
import { dateSchema } from './alliance-schemas.ts';

// ── Activities, quota plans and check-in (lane: activities) ─────────────────



// ── Branch organizational life (lane: org-life) ─────────────────────────────

const olText = (label: string, min: number, max: number) =>
  plainText(label, { multiline: max > 200, message: `请填写${label}` })
    .min(min, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过 ${max} 个字` });
const olId = (label: string) => z.string({ message: `请选择${label}` }).min(1, { message: `请选择${label}` }).max(40, { message: `${label}编号无效` });
const yearQuery = z.coerce.number({ message: '年度须为四位数字' }).int({ message: '年度须为四位数字' }).min(2000, { message: '年度不早于 2000 年' }).max(2100, { message: '年度不晚于 2100 年' });
const olPage = z.coerce.number({ message: '页码须为数字' }).int().min(1, { message: '页码从 1 开始' }).max(10_000, { message: '页码过大' }).optional();
const olLimit = z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional();
const orgLifeKind = z.enum(ORG_LIFE_KINDS, { message: '请选择组织生活类型' });

export const OrgLifeRecordCreateSchema = z
  .object({
    orgId: olId('党支部'),
    kind: orgLifeKind,
    heldOn: dateSchema,
    topic: olText('主题', 1, 100),
    minutes: olText('会议记录', 0, 20_000).optional(),
    attendeeIds: z.array(olId('参会党员'), { message: '参会党员须为列表' }).max(500, { message: '参会党员最多 500 人' }),
  })
  .strict()
  .openapi('OrgLifeRecordCreate');
export type OrgLifeRecordCreate = z.infer<typeof OrgLifeRecordCreateSchema>;

export const OrgLifeRecordSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    kind: z.enum(ORG_LIFE_KINDS),
    heldOn: z.string(),
    topic: z.string(),
    minutes: z.string(),
    attendees: z.array(z.object({ id: z.string(), name: z.string() })),
    expectedCount: z.number().int(),
    presentCount: z.number().int(),
    createdAt: z.number().int(),
  })
  .openapi('OrgLifeRecord');
export type OrgLifeRecordView = z.infer<typeof OrgLifeRecordSchema>;

export const OrgLifeRecordListQuerySchema = z
  .object({ orgId: z.string().max(40).optional(), kind: orgLifeKind.optional(), year: yearQuery.optional(), page: olPage, limit: olLimit })
  .strict();
export type OrgLifeRecordListQuery = z.infer<typeof OrgLifeRecordListQuerySchema>;
export const OrgLifeRecordPageSchema = z.object({ items: z.array(OrgLifeRecordSchema), total: z.number().int() }).openapi('OrgLifeRecordPage');

export const OrgLifeStandardSchema = z
  .object({ kind: z.enum(ORG_LIFE_KINDS), period: z.enum(ORG_LIFE_PERIODS), times: z.number().int(), isDefault: z.boolean() })
  .openapi('OrgLifeStandard');
export const OrgLifeStandardsSchema = z.object({ year: z.number().int(), items: z.array(OrgLifeStandardSchema) }).openapi('OrgLifeStandards');
export type OrgLifeStandardsView = z.infer<typeof OrgLifeStandardsSchema>;
export const OrgLifeStandardsQuerySchema = z.object({ year: yearQuery }).strict();
export const OrgLifeStandardsUpdateSchema = z
  .object({
    year: z.number({ message: '年度须为四位数字' }).int({ message: '年度须为四位数字' }).min(2000, { message: '年度不早于 2000 年' }).max(2100, { message: '年度不晚于 2100 年' }),
    items: z
      .array(
        z
          .object({
            kind: orgLifeKind,
            period: z.enum(ORG_LIFE_PERIODS, { message: '请选择频次' }),
            times: z.number({ message: '次数须为整数' }).int({ message: '次数须为整数' }).min(1, { message: '每期至少 1 次' }).max(31, { message: '每期最多 31 次' }),
          })
          .strict(),
        { message: '请填写标准' },
      )
      .min(1, { message: '请至少填写一项标准' })
      .max(ORG_LIFE_KINDS.length, { message: '每种类型只能有一项标准' })
      .refine((xs) => new Set(xs.map((x) => x.kind)).size === xs.length, { message: '同一类型不能重复' }),
  })
  .strict()
  .openapi('OrgLifeStandardsUpdate');
export type OrgLifeStandardsUpdate = z.infer<typeof OrgLifeStandardsUpdateSchema>;

export const OrgLifeKindComplianceSchema = z
  .object({
    kind: z.enum(ORG_LIFE_KINDS),
    period: z.enum(ORG_LIFE_PERIODS),
    times: z.number().int(),
    /** Periods of the year that have ended by the day looked at (the current one is still open). */
    periodsDue: z.number().int(),
    /** Of those, the periods with at least `times` meetings. */
    periodsMet: z.number().int(),
    /** Meetings held this year up to the day looked at. */
    held: z.number().int(),
    status: z.enum(['met', 'behind']),
  })
  .openapi('OrgLifeKindCompliance');
export const OrgLifeBranchComplianceSchema = z
  .object({ orgId: z.string(), orgName: z.string(), year: z.number().int(), onDate: z.string(), status: z.enum(['met', 'behind']), behindKinds: z.number().int(), kinds: z.array(OrgLifeKindComplianceSchema) })
  .openapi('OrgLifeBranchCompliance');
export type OrgLifeBranchCompliance = z.infer<typeof OrgLifeBranchComplianceSchema>;
export const OrgLifeComplianceQuerySchema = z
  .object({
    year: yearQuery,
    status: z.enum(['met', 'behind'], { message: '状态须为 met 或 behind' }).optional(),
    kind: orgLifeKind.optional(),
    underOrgId: z.string().max(40).optional(),
    q: z.string().trim().max(50, { message: '搜索词不能超过 50 个字' }).optional(),
    page: olPage,
    limit: olLimit,
  })
  .strict();
export type OrgLifeComplianceQuery = z.infer<typeof OrgLifeComplianceQuerySchema>;
export const OrgLifeCompliancePageSchema = z
  .object({ items: z.array(OrgLifeBranchComplianceSchema), total: z.number().int(), branches: z.number().int(), behind: z.number().int() })
  .openapi('OrgLifeCompliancePage');
export type OrgLifeCompliancePage = z.infer<typeof OrgLifeCompliancePageSchema>;
export const OrgLifeMembersSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }).openapi('OrgLifeBranchMembers');



// ── Joint meetings and decisions (lane: meetings) ───────────────────────────

export const MeetingDecisionInputSchema = z
  .object({ content: olText('决定事项', 1, 500), ownerOrgId: olId('责任单位'), dueOn: dateSchema })
  .strict();
export const MeetingCreateSchema = z
  .object({
    allianceId: olId('联合体'),
    heldOn: dateSchema,
    agenda: olText('议题', 1, 2000),
    minutes: olText('会议纪要', 0, 20_000).optional(),
    attendeeOrgIds: z.array(olId('参会单位')).max(200, { message: '参会单位最多 200 个' }),
    attendeePersonIds: z.array(olId('参会人员')).max(500, { message: '参会人员最多 500 人' }).optional(),
    decisions: z.array(MeetingDecisionInputSchema).max(50, { message: '决定事项最多 50 项' }).optional(),
  })
  .strict()
  .openapi('MeetingCreate');
export type MeetingCreate = z.infer<typeof MeetingCreateSchema>;

export const MeetingDecisionSchema = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    meetingOn: z.string(),
    content: z.string(),
    ownerOrgId: z.string(),
    ownerOrgName: z.string(),
    dueOn: z.string(),
    status: z.enum([...DECISION_STATUSES, 'overdue']),
    /** The supervision warning of projects, computed on read (red = overdue, yellow = due within 7 days). */
    warning: z.enum(WARNING_LEVELS),
    warningReason: z.string().nullable(),
    /** Overdue decisions are escalated to the alliance's approving committee. */
    escalated: z.boolean(),
    doneOn: z.string().nullable(),
    doneNote: z.string().nullable(),
    doneByName: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('MeetingDecision');
export type MeetingDecisionView = z.infer<typeof MeetingDecisionSchema>;

export const MeetingSchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    heldOn: z.string(),
    agenda: z.string(),
    minutes: z.string(),
    attendeeOrgs: z.array(z.object({ id: z.string(), name: z.string() })),
    attendeePersons: z.array(z.object({ id: z.string(), name: z.string() })),
    decisions: z.array(MeetingDecisionSchema),
    createdAt: z.number().int(),
  })
  .openapi('Meeting');
export type MeetingView = z.infer<typeof MeetingSchema>;
export const MeetingListQuerySchema = z.object({ allianceId: z.string().max(40).optional(), year: yearQuery.optional(), page: olPage, limit: olLimit }).strict();
export type MeetingListQuery = z.infer<typeof MeetingListQuerySchema>;
export const MeetingPageSchema = z.object({ items: z.array(MeetingSchema), total: z.number().int() }).openapi('MeetingPage');

export const DecisionListQuerySchema = z
  .object({
    allianceId: z.string().max(40).optional(),
    ownerOrgId: z.string().max(40).optional(),
    status: z.enum([...DECISION_STATUSES, 'overdue'], { message: '状态须为 open、done 或 overdue' }).optional(),
    page: olPage,
    limit: olLimit,
  })
  .strict();
export type DecisionListQuery = z.infer<typeof DecisionListQuerySchema>;
export const DecisionPageSchema = z.object({ items: z.array(MeetingDecisionSchema), total: z.number().int() }).openapi('MeetingDecisionPage');
export const DecisionCompleteSchema = z.object({ note: olText('办结说明', 2, 1000) }).strict().openapi('MeetingDecisionComplete');

export const MeetingComplianceSchema = z
  .object({
    allianceId: z.string(),
    allianceName: z.string(),
    year: z.number().int(),
    /** One entry per quarter of the year: held (with the count), missed (ended without a meeting) or open (not yet ended). */
    quarters: z.array(z.object({ quarter: z.number().int(), meetings: z.number().int(), state: z.enum(['held', 'missed', 'open']) })),
    missed: z.number().int(),
  })
  .openapi('MeetingCompliance');
export type MeetingComplianceView = z.infer<typeof MeetingComplianceSchema>;
export const MeetingComplianceQuerySchema = z
  .object({ year: yearQuery, missedOnly: z.enum(['true', 'false'], { message: 'missedOnly 须为 true 或 false' }).optional(), page: olPage, limit: olLimit })
  .strict();
export type MeetingComplianceQuery = z.infer<typeof MeetingComplianceQuerySchema>;
export const MeetingCompliancePageSchema = z.object({ items: z.array(MeetingComplianceSchema), total: z.number().int() }).openapi('MeetingCompliancePage');


