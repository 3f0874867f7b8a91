// The activities capability's edge schemas (zod: inputs, views, labels).
import { z } from '@hono/zod-openapi';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, ACTIVITY_STATUSES, CHECKIN_METHODS, DECISION_STATUSES, ORG_LIFE_KINDS, ORG_LIFE_PERIODS, PHOTO_TYPES, QUOTA_PERIODS, QUOTA_STANDINGS, WARNING_LEVELS } from '../enums.ts';
import { plainText } from '../text.ts';
import { dateSchema, textField } from './alliance-schemas.ts';

// ── Activities, quota plans and check-in (lane: activities) ─────────────────

const kindEnum = z.enum(ACTIVITY_KINDS, { message: `活动类型须为：${ACTIVITY_KINDS.map((k) => ACTIVITY_KIND_LABELS[k]).join('、')}` });
const periodEnum = z.enum(QUOTA_PERIODS, { message: '频次须为每年、每半年、每季度或每月' });
const timeSchema = z
  .string({ message: '时间格式应为 HH:MM' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:MM（00:00–23:59）' })
  .openapi({ example: '09:00' });
const latSchema = z.number({ message: '纬度须为数字' }).min(-90, { message: '纬度须在 -90 到 90 之间' }).max(90, { message: '纬度须在 -90 到 90 之间' });
const lngSchema = z.number({ message: '经度须为数字' }).min(-180, { message: '经度须在 -180 到 180 之间' }).max(180, { message: '经度须在 -180 到 180 之间' });
const yearSchema = z.coerce.number({ message: '年度须为数字' }).int({ message: '年度须为整数' }).min(2000, { message: '年度不能早于 2000 年' }).max(2100, { message: '年度不能晚于 2100 年' });
const actIdRef = (label: string) => z.string({ message: `请选择${label}` }).min(1, { message: `请选择${label}` }).max(40, { message: `${label}编号无效` });

const activityFields = {
  kind: kindEnum,
  title: textField('活动名称', 2, 100),
  activityDate: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  place: textField('活动地点', 2, 200),
  placeOrgId: actIdRef('活动场所所属党组织').nullable().optional(),
  lat: latSchema.nullable().optional(),
  lng: lngSchema.nullable().optional(),
  checkinRadiusM: z.number({ message: '签到范围须为整数（米）' }).int({ message: '签到范围须为整数（米）' }).min(50, { message: '签到范围至少 50 米' }).max(5000, { message: '签到范围不能超过 5000 米' }).nullable().optional(),
  organizerOrgId: actIdRef('组织单位'),
  participantOrgIds: z.array(actIdRef('参加单位'), { message: '参加单位须为列表' }).max(50, { message: '参加单位不能超过 50 个' }).optional(),
  summary: textField('活动纪实', 2, 5000).nullable().optional(),
};

export const ActivityCreateSchema = z
  .object({ allianceId: actIdRef('党建联合体'), ...activityFields })
  .strict()
  .openapi('ActivityCreate');
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;

export const ActivityUpdateSchema = z
  .object(activityFields)
  .partial()
  .extend({ status: z.enum(ACTIVITY_STATUSES, { message: '状态须为计划、已开展或已取消' }).optional() })
  .strict()
  .openapi('ActivityUpdate');
export type ActivityUpdate = z.infer<typeof ActivityUpdateSchema>;

export const ActivityListQuerySchema = z
  .object({
    allianceId: z.string().max(40).optional(),
    kind: kindEnum.optional(),
    status: z.enum(ACTIVITY_STATUSES, { message: '状态须为计划、已开展或已取消' }).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    page: z.coerce.number({ message: '页码须为数字' }).int().min(1, { message: '页码至少为 1' }).max(10000).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

const orgRef = z.object({ id: z.string(), name: z.string() });

export const ActivitySummarySchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    kind: z.enum(ACTIVITY_KINDS),
    kindLabel: z.string(),
    title: z.string(),
    activityDate: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    place: z.string(),
    status: z.enum(ACTIVITY_STATUSES),
    statusLabel: z.string(),
    attendance: z.number().int(),
  })
  .openapi('ActivitySummary');
export type ActivitySummary = z.infer<typeof ActivitySummarySchema>;

export const ActivityPageSchema = z.object({ items: z.array(ActivitySummarySchema), total: z.number().int(), page: z.number().int(), limit: z.number().int() }).openapi('ActivityPage');

export const CheckinViewSchema = z
  .object({ id: z.string(), personId: z.string(), personName: z.string(), method: z.enum(CHECKIN_METHODS), methodLabel: z.string(), at: z.number().int(), distanceM: z.number().int().nullable() })
  .openapi('ActivityCheckin');

export const ActivityDetailSchema = ActivitySummarySchema.extend({
  placeOrgId: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  checkinRadiusM: z.number().int().nullable(),
  organizer: orgRef,
  participants: z.array(orgRef),
  summary: z.string().nullable(),
  code: z.string(),
  checkinOpensAt: z.number().int(),
  checkinClosesAt: z.number().int(),
  checkins: z.array(CheckinViewSchema),
  version: z.number().int(),
}).openapi('ActivityDetail');
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

export const ActivityPhotoSchema = z
  .object({
    id: z.string(),
    activityId: z.string(),
    contentType: z.enum(PHOTO_TYPES),
    size: z.number().int(),
    sha256: z.string(),
    originalName: z.string().nullable(),
    uploadedBy: z.string(),
    at: z.number().int(),
  })
  .openapi('ActivityPhoto');
export type ActivityPhotoView = z.infer<typeof ActivityPhotoSchema>;
export const ActivityPhotoListSchema = z.object({ items: z.array(ActivityPhotoSchema), max: z.number().int() }).openapi('ActivityPhotoList');
export type ActivityPhotoList = z.infer<typeof ActivityPhotoListSchema>;

export const AttendanceRecordSchema = z
  .object({ personIds: z.array(actIdRef('参加人员'), { message: '请选择参加人员' }).min(1, { message: '请至少选择一名参加人员' }).max(100, { message: '一次最多补录 100 人' }) })
  .strict()
  .openapi('AttendanceRecord');

export const CheckinCreateSchema = z
  .object({
    code: z
      .string({ message: '请填写签到码' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{6,8}$/, { message: '签到码为 6–8 位字母或数字' }),
    lat: latSchema.nullable().optional(),
    lng: lngSchema.nullable().optional(),
  })
  .strict()
  .openapi('CheckinCreate');

export const CheckinResultSchema = z
  .object({
    checkinId: z.string(),
    duplicate: z.boolean(),
    at: z.number().int(),
    activity: z.object({ id: z.string(), title: z.string(), kindLabel: z.string(), allianceName: z.string(), activityDate: z.string(), startTime: z.string(), endTime: z.string(), place: z.string() }),
  })
  .openapi('CheckinResult');

export const MyActivityItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kindLabel: z.string(),
    allianceName: z.string(),
    activityDate: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    place: z.string(),
    checkedInAt: z.number().int().nullable(),
  })
  .openapi('MyActivity');
export const MyActivitiesSchema = z.object({ upcoming: z.array(MyActivityItemSchema), attended: z.array(MyActivityItemSchema) }).openapi('MyActivities');

export const QuotaRowInputSchema = z.object({ kind: kindEnum, period: periodEnum, required: z.number({ message: '次数须为整数' }).int({ message: '次数须为整数' }).min(1, { message: '次数至少为 1' }).max(100, { message: '次数不能超过 100' }) }).strict();
export const QuotaPlanPutSchema = z
  .object({ year: yearSchema, rows: z.array(QuotaRowInputSchema, { message: '请填写考核项' }).min(1, { message: '至少保留一项' }).max(ACTIVITY_KINDS.length, { message: '考核项过多' }) })
  .strict()
  .openapi('QuotaPlanPut');
export type QuotaPlanPut = z.infer<typeof QuotaPlanPutSchema>;

export const QuotaYearQuerySchema = z.object({ year: yearSchema.optional() }).strict();

export const QuotaRowViewSchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    kindLabel: z.string(),
    period: z.enum(QUOTA_PERIODS),
    periodLabel: z.string(),
    required: z.number().int(),
    /** Held activities in the current (or last) period. */
    heldInPeriod: z.number().int(),
    heldInYear: z.number().int(),
    standing: z.enum(QUOTA_STANDINGS),
    standingLabel: z.string(),
  })
  .openapi('QuotaRow');
export type QuotaRowView = z.infer<typeof QuotaRowViewSchema>;

export const QuotaPlanViewSchema = z
  .object({ allianceId: z.string(), allianceName: z.string(), year: z.number().int(), isDefault: z.boolean(), asOf: z.string(), standing: z.enum(QUOTA_STANDINGS), standingLabel: z.string(), rows: z.array(QuotaRowViewSchema) })
  .openapi('QuotaPlan');
export type QuotaPlanView = z.infer<typeof QuotaPlanViewSchema>;

export const QuotaComplianceQuerySchema = z
  .object({
    year: yearSchema.optional(),
    standing: z.enum(QUOTA_STANDINGS, { message: '完成情况须为已完成、进行中、有风险或未完成' }).optional(),
    page: z.coerce.number({ message: '页码须为数字' }).int().min(1, { message: '页码至少为 1' }).max(10000).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type QuotaComplianceQuery = z.infer<typeof QuotaComplianceQuerySchema>;
export const CompliancePageSchema = z
  .object({
    year: z.number().int(),
    asOf: z.string(),
    counts: z.object({ met: z.number().int(), open: z.number().int(), at_risk: z.number().int(), behind: z.number().int() }),
    items: z.array(QuotaPlanViewSchema),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
  })
  .openapi('CompliancePage');



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



// ── the public API's activities (issue 14; ADR 0029) ───────────────────────

/** Activity states a third party sees: held ones (the default) and announced ones; a cancelled one looks missing. */
export const PUBLIC_ACTIVITY_STATUSES = ['held', 'planned'] as const;

export const PublicActivityQuerySchema = z
  .object({
    allianceId: z.string().max(40).optional(),
    kind: kindEnum.optional(),
    status: z.enum(PUBLIC_ACTIVITY_STATUSES, { message: '状态须为 held（已开展）或 planned（计划）' }).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type PublicActivityQuery = z.infer<typeof PublicActivityQuerySchema>;

/** An activity as third parties see it: organizations by name, attendance as a count, never who attended or the check-in code. */
export const PublicActivitySchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    allianceName: z.string(),
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string(),
    status: z.enum(PUBLIC_ACTIVITY_STATUSES),
    activityDate: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    placeName: z.string(),
    organizer: z.object({ orgId: z.string(), orgName: z.string() }),
    participants: z.array(z.object({ orgId: z.string(), orgName: z.string() })),
    attendance: z.number().int(),
    summary: z.string().nullable(),
    updatedAt: z.number().int(),
  })
  .openapi('PublicActivity');
export type PublicActivity = z.infer<typeof PublicActivitySchema>;
