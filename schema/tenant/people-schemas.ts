// The people capability's edge schemas (zod: inputs, views, labels).

// ── People registry ─────────────────────────────────────────────────────────
export {};



// ── 双报到 (lane: pairing) ──────────────────────────────────────────────────
// Strict objects: statuses, versions, the recorder and years are never taken from a client.
// (Imports sit in this section so the lanes' sections merge independently; ES imports are hoisted.)
import { z } from '@hono/zod-openapi';
import { plainText } from '../text.ts';
import { PAIRING_STATUSES } from './people.ts';
import { dateSchema } from './alliance-schemas.ts';
import { phoneSchema } from './registry-schemas.ts';

const pairingIdRef = (label: string) => z.string({ message: `请选择${label}` }).min(1, { message: `请选择${label}` }).max(40, { message: `${label}编号无效` });
const pairingText = (label: string, min: number, max: number) =>
  plainText(label, { multiline: max > 200, message: `请填写${label}` })
    .min(min, { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .max(max, { message: `${label}不能超过 ${max} 个字` });
const pairingInt = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label}须为整数` })
    .int({ message: `${label}须为整数` })
    .min(min, { message: min === 0 ? `${label}不能为负数` : `${label}至少为 ${min}` })
    .max(max, { message: `${label}不能超过 ${max}` });
const pairingOffset = z.coerce.number({ message: '起始位置须为数字' }).int({ message: '起始位置须为整数' }).min(0, { message: '起始位置不能为负数' }).max(100000, { message: '起始位置过大' }).optional();
const pairingLimit = z.coerce.number({ message: '每页条数须为数字' }).int({ message: '每页条数须为整数' }).min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional();
const pairingYear = z.coerce.number({ message: '年度须为四位数字' }).int({ message: '年度须为四位数字' }).min(2000, { message: '年度不能早于 2000 年' }).max(2100, { message: '年度不能晚于 2100 年' });
const pairingStatus = z.enum(PAIRING_STATUSES, { message: '状态须为 active（结对中/报到中）或 ended（已结束）' });
const NamedRef = z.object({ id: z.string(), name: z.string() });

export const PairingCreateSchema = z
  .object({
    orgId: pairingIdRef('报到单位党组织'),
    communityOrgId: pairingIdRef('结对社区党组织'),
    pairedOn: dateSchema,
    agreement: pairingText('共建协议内容', 0, 5000).optional(),
    contactName: pairingText('联系人', 1, 40).nullable().optional(),
    contactPhone: phoneSchema.nullable().optional(),
  })
  .strict()
  .openapi('PairingCreate');
export type PairingCreateInput = z.infer<typeof PairingCreateSchema>;

export const PairingUpdateSchema = z
  .object({
    pairedOn: dateSchema.optional(),
    agreement: pairingText('共建协议内容', 0, 5000).optional(),
    contactName: pairingText('联系人', 1, 40).nullable().optional(),
    contactPhone: phoneSchema.nullable().optional(),
    /** Ending a pairing: the date it ended (not in the future, not before it began). */
    endedOn: dateSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '请至少修改一项', path: ['pairedOn'] })
  .openapi('PairingUpdate');
export type PairingUpdateInput = z.infer<typeof PairingUpdateSchema>;

export const PairingSchema = z
  .object({
    id: z.string(),
    org: NamedRef,
    community: NamedRef,
    pairedOn: z.string(),
    agreement: z.string(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable().openapi({ description: '仅有权查看的角色看到完整号码，列表中打码' }),
    status: pairingStatus,
    endedOn: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('Pairing');
export type PairingView = z.infer<typeof PairingSchema>;

export const PairingListQuerySchema = z
  .object({
    orgId: z.string().max(40).optional(),
    communityOrgId: z.string().max(40).optional(),
    status: pairingStatus.optional(),
    offset: pairingOffset,
    limit: pairingLimit,
  })
  .strict();
export type PairingListQuery = z.infer<typeof PairingListQuerySchema>;
export const PairingPageSchema = z.object({ items: z.array(PairingSchema), total: z.number().int() }).openapi('PairingPage');

export const MemberReportCreateSchema = z
  .object({
    personId: pairingIdRef('在职党员'),
    communityOrgId: pairingIdRef('报到社区党组织'),
    reportedOn: dateSchema.optional(),
  })
  .strict()
  .openapi('MemberReportCreate');
export type MemberReportCreateInput = z.infer<typeof MemberReportCreateSchema>;

/** A member reporting themself (GET/POST /my/reports). */
export const MyReportCreateSchema = z.object({ communityOrgId: pairingIdRef('报到社区党组织') }).strict().openapi('MyReportCreate');
export type MyReportCreateInput = z.infer<typeof MyReportCreateSchema>;

export const MemberReportSchema = z
  .object({
    id: z.string(),
    person: NamedRef,
    community: NamedRef,
    reportedOn: z.string(),
    status: pairingStatus,
    endedOn: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('MemberReport');
export type MemberReportView = z.infer<typeof MemberReportSchema>;

export const MemberReportListQuerySchema = z
  .object({
    communityOrgId: z.string().max(40).optional(),
    personId: z.string().max(40).optional(),
    status: pairingStatus.optional(),
    offset: pairingOffset,
    limit: pairingLimit,
  })
  .strict();
export type MemberReportListQuery = z.infer<typeof MemberReportListQuerySchema>;
export const MemberReportPageSchema = z.object({ items: z.array(MemberReportSchema), total: z.number().int() }).openapi('MemberReportPage');

export const ReportRecordCreateSchema = z
  .object({
    personId: pairingIdRef('在职党员'),
    communityOrgId: pairingIdRef('社区党组织'),
    servedOn: dateSchema,
    content: pairingText('服务内容', 2, 1000),
    minutes: pairingInt('服务时长（分钟）', 1, 1440),
  })
  .strict()
  .openapi('ReportRecordCreate');
export type ReportRecordCreateInput = z.infer<typeof ReportRecordCreateSchema>;

export const ReportRecordSchema = z
  .object({
    id: z.string(),
    person: NamedRef,
    community: NamedRef,
    servedOn: z.string(),
    content: z.string(),
    minutes: z.number().int(),
    createdAt: z.number().int(),
  })
  .openapi('ReportRecord');
export type ReportRecordView = z.infer<typeof ReportRecordSchema>;

export const ReportRecordListQuerySchema = z
  .object({
    communityOrgId: z.string().max(40).optional(),
    personId: z.string().max(40).optional(),
    year: pairingYear.optional(),
    offset: pairingOffset,
    limit: pairingLimit,
  })
  .strict();
export type ReportRecordListQuery = z.infer<typeof ReportRecordListQuerySchema>;
export const ReportRecordPageSchema = z.object({ items: z.array(ReportRecordSchema), total: z.number().int() }).openapi('ReportRecordPage');

export const PairingStandardInputSchema = z
  .object({
    memberMinRecords: pairingInt('每名在职党员年度最少服务次数', 0, 365),
    memberMinMinutes: pairingInt('每名在职党员年度最少服务时长（分钟）', 0, 525600),
    orgMinRecords: pairingInt('每个单位年度最少服务次数', 0, 100000),
  })
  .strict()
  .openapi('PairingStandardInput');
export type PairingStandardInput = z.infer<typeof PairingStandardInputSchema>;
export const PairingStandardSchema = z
  .object({
    year: z.number().int(),
    memberMinRecords: z.number().int(),
    memberMinMinutes: z.number().int(),
    orgMinRecords: z.number().int(),
    /** false: the county has not set the year; these are the documented defaults. */
    isSet: z.boolean(),
    version: z.number().int(),
  })
  .openapi('PairingStandard');
export type PairingStandardView = z.infer<typeof PairingStandardSchema>;
export const PairingYearParam = z.object({ year: pairingYear.openapi({ param: { name: 'year', in: 'path' }, description: '年度' }) });

export const ORG_STANDINGS = ['unpaired', 'short', 'met'] as const;
export const MEMBER_STANDINGS = ['unreported', 'short', 'met'] as const;

export const ComplianceQuerySchema = z
  .object({
    year: pairingYear,
    orgStanding: z.enum(ORG_STANDINGS, { message: '单位达标情况须为 unpaired、short 或 met' }).optional(),
    memberStanding: z.enum(MEMBER_STANDINGS, { message: '党员达标情况须为 unreported、short 或 met' }).optional(),
    orgOffset: pairingOffset,
    memberOffset: pairingOffset,
    limit: pairingLimit,
  })
  .strict();
export type ComplianceQuery = z.infer<typeof ComplianceQuerySchema>;
export const ComplianceExportQuerySchema = z.object({ year: pairingYear }).strict();

export const OrgComplianceSchema = z
  .object({
    org: NamedRef,
    domain: z.string(),
    paired: z.boolean(),
    communities: z.array(NamedRef),
    records: z.number().int(),
    standing: z.enum(ORG_STANDINGS),
    /** Seed 003 克什克腾旗: eligible for 评先评优 this year. */
    eligible: z.boolean(),
  })
  .openapi('OrgCompliance');
export type OrgComplianceView = z.infer<typeof OrgComplianceSchema>;
export const MemberComplianceSchema = z
  .object({
    person: NamedRef,
    homeOrg: NamedRef.nullable(),
    reported: z.boolean(),
    communities: z.array(NamedRef),
    records: z.number().int(),
    minutes: z.number().int(),
    standing: z.enum(MEMBER_STANDINGS),
  })
  .openapi('MemberCompliance');
export type MemberComplianceView = z.infer<typeof MemberComplianceSchema>;
export const ComplianceSchema = z
  .object({
    year: z.number().int(),
    standard: PairingStandardSchema,
    summary: z.object({
      orgs: z.number().int(),
      orgsUnpaired: z.number().int(),
      orgsShort: z.number().int(),
      orgsIneligible: z.number().int(),
      members: z.number().int(),
      membersUnreported: z.number().int(),
      membersShort: z.number().int(),
    }),
    orgs: z.object({ items: z.array(OrgComplianceSchema), total: z.number().int() }),
    members: z.object({ items: z.array(MemberComplianceSchema), total: z.number().int() }),
  })
  .openapi('PairingCompliance');
export type ComplianceView = z.infer<typeof ComplianceSchema>;

/** A member's own 报到 page: their communities and their records. */
export const MyReportsSchema = z
  .object({
    reports: z.array(MemberReportSchema),
    records: z.array(ReportRecordSchema),
    year: z.number().int(),
    standard: PairingStandardSchema,
    recordsThisYear: z.number().int(),
    minutesThisYear: z.number().int(),
  })
  .openapi('MyReports');
export type MyReportsView = z.infer<typeof MyReportsSchema>;



// ── 报到领岗 (lane: posts) ──────────────────────────────────────────────────


