// The activities capability's edge schemas (zod: inputs, views, labels).
import { z } from '@hono/zod-openapi';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, ACTIVITY_STATUSES, CHECKIN_METHODS, QUOTA_PERIODS, QUOTA_STANDINGS } from '../enums.ts';
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

export const ComplianceQuerySchema = z
  .object({
    year: yearSchema.optional(),
    standing: z.enum(QUOTA_STANDINGS, { message: '完成情况须为已完成、进行中、有风险或未完成' }).optional(),
    page: z.coerce.number({ message: '页码须为数字' }).int().min(1, { message: '页码至少为 1' }).max(10000).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type ComplianceQuery = z.infer<typeof ComplianceQuerySchema>;
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



// ── Joint meetings and decisions (lane: meetings) ───────────────────────────


