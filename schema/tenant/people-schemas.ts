import { z } from '@hono/zod-openapi';
import { PARTY_STANDINGS, PERSON_KINDS, PERSON_STATUSES } from '../enums.ts';
import { plainText } from '../text.ts';
import { dateSchema } from './alliance-schemas.ts';
// The people capability's edge schemas (zod: inputs, views, labels).

// ── People registry ─────────────────────────────────────────────────────────
// Strict objects: unknown fields (id, status, version, userId …) are refused by name.

/** 11-digit mainland mobile: a person's own contact (landlines belong to organizations). */
export const mobileSchema = z
  .string({ message: '手机号须为 11 位数字' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: '请输入正确的 11 位手机号' });

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character resident identity number carries a valid GB 11643 check character and a real birth date. */
export function validIdNumber(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || birth < '1900-01-01') return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return ID_CHECK[sum % 11] === s[17];
}

/** 居民身份证号 (GB 11643): 18 characters, the last a check digit or X (a lower-case x is read as X). */
export const idNumberSchema = z
  .string({ message: '身份证号须为 18 位' })
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => /^\d{17}[\dX]$/.test(s), { message: '身份证号须为 18 位（最后一位可为 X）' })
  .refine(validIdNumber, { message: '身份证号校验位或出生日期不正确，请核对' });

const skillSchema = plainText('特长').min(1, { message: '特长不能为空' }).max(20, { message: '每项特长不能超过 20 个字' });

export const personFields = {
  name: plainText('姓名').min(1, { message: '姓名不能为空' }).max(40, { message: '姓名不能超过 40 个字' }).openapi({ example: '张桂英' }),
  kind: z.enum(PERSON_KINDS, { message: '人员类别须为：party_member（党员）或 volunteer（志愿者）' }).openapi({ description: '人员类别：党员 / 志愿者' }),
  partyStanding: z.enum(PARTY_STANDINGS, { message: `党员类别须为：${PARTY_STANDINGS.join('、')}` }).nullable().openapi({ description: '正式 / 预备（党员必填，志愿者不填）' }),
  homeOrgId: z.string({ message: '请选择所属党组织' }).min(1, { message: '请选择所属党组织' }).max(40, { message: '所属党组织编号无效' }).nullable().openapi({ description: '一方隶属：所在党支部（或其他党组织）' }),
  inService: z.boolean({ message: '在职党员须为是或否' }).openapi({ description: '在职党员（向社区双报到）' }),
  workUnit: plainText('工作单位').max(100, { message: '工作单位不能超过 100 个字' }).nullable(),
  skills: z
    .array(skillSchema, { message: '特长须为列表' })
    .max(10, { message: '特长最多 10 项' })
    .refine((a) => new Set(a).size === a.length, { message: '特长不能重复' })
    .openapi({ description: '特长（志愿服务按专长组队）', example: ['医疗', '法律'] }),
  phone: mobileSchema.nullable().openapi({ description: '手机号（个人信息）' }),
  idNumber: idNumberSchema.nullable().openapi({ description: '身份证号（个人信息，选填）' }),
};

export const PersonCreateSchema = z
  .object({
    name: personFields.name,
    kind: personFields.kind,
    partyStanding: personFields.partyStanding.optional(),
    homeOrgId: personFields.homeOrgId.optional(),
    inService: personFields.inService.optional(),
    workUnit: personFields.workUnit.optional(),
    skills: personFields.skills.optional(),
    phone: personFields.phone.optional(),
    idNumber: personFields.idNumber.optional(),
  })
  .strict()
  .openapi('PersonCreate');
export type PersonCreateInput = z.infer<typeof PersonCreateSchema>;

export const PersonUpdateSchema = PersonCreateSchema.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('PersonUpdate');
export type PersonUpdateInput = z.infer<typeof PersonUpdateSchema>;

export const PersonLeaveSchema = z
  .object({
    reason: plainText('转出原因', { multiline: true }).min(2, { message: '请填写转出原因' }).max(500, { message: '转出原因不能超过 500 个字' }),
    leftOn: dateSchema.optional().openapi({ description: '转出日期，默认今天' }),
  })
  .strict()
  .openapi('PersonLeave');
export type PersonLeaveInput = z.infer<typeof PersonLeaveSchema>;

export const PersonAccountSchema = z
  .object({
    userId: z.string({ message: '请选择账号' }).min(1, { message: '请选择账号' }).max(40, { message: '账号编号无效' }).nullable().openapi({ description: '本旗县区持有“党员”角色的账号；null 为解除关联' }),
  })
  .strict()
  .openapi('PersonAccount');
export type PersonAccountInput = z.infer<typeof PersonAccountSchema>;

export const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(PERSON_KINDS),
    partyStanding: z.enum(PARTY_STANDINGS).nullable(),
    homeOrgId: z.string().nullable(),
    homeOrgName: z.string().nullable(),
    inService: z.boolean(),
    workUnit: z.string().nullable(),
    skills: z.array(z.string()),
    phone: z.string().nullable().openapi({ description: '有权查看个人信息时为完整号码，否则打码' }),
    idNumber: z.string().nullable().openapi({ description: '列表中从不返回；详情中有权查看个人信息时为完整号码，否则打码' }),
    hasAccount: z.boolean().openapi({ description: '已关联登录账号' }),
    userId: z.string().nullable().openapi({ description: '关联的账号（仅管理账号的角色可见）' }),
    status: z.enum(PERSON_STATUSES),
    leftOn: z.string().nullable(),
    leftReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    piiMasked: z.boolean().openapi({ description: '个人信息是否已脱敏' }),
    can: z.object({ update: z.boolean(), leave: z.boolean(), linkAccount: z.boolean() }),
  })
  .openapi('Person');
export type PersonView = z.infer<typeof PersonSchema>;

const flag = (label: string) => z.enum(['true', 'false'], { message: `${label}须为 true 或 false` }).optional();

export const PersonListQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(50, { message: '搜索词不能超过 50 个字' })
      .optional()
      .openapi({ description: '按姓名搜索' }),
    kind: personFields.kind.optional(),
    partyStanding: z.enum(PARTY_STANDINGS, { message: `党员类别须为：${PARTY_STANDINGS.join('、')}` }).optional(),
    homeOrgId: z.string().max(40).optional(),
    subtree: flag('含下级组织').openapi({ description: 'true：所属党组织及其全部下级' }),
    inService: flag('在职党员筛选'),
    skill: plainText('特长').max(20, { message: '特长不能超过 20 个字' }).optional(),
    status: z.enum(['active', 'left', 'all'], { message: '状态须为 active、left 或 all' }).optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number({ message: '每页条数须为数字' }).int().min(1, { message: '每页至少 1 条' }).max(100, { message: '每页最多 100 条' }).optional(),
  })
  .strict();
export type PersonListQuery = z.infer<typeof PersonListQuerySchema>;

export const PersonImportResultSchema = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .openapi('PersonImportResult');

/** The member's own page: "一方隶属、多方共管" — one home branch, every alliance it belongs to. */
export const MyProfileSchema = z
  .object({
    person: z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(PERSON_KINDS),
      partyStanding: z.enum(PARTY_STANDINGS).nullable(),
      inService: z.boolean(),
      workUnit: z.string().nullable(),
      skills: z.array(z.string()),
      phone: z.string().nullable().openapi({ description: '本人的完整手机号' }),
      status: z.enum(PERSON_STATUSES),
    }),
    homeOrg: z.object({ id: z.string(), name: z.string() }).nullable(),
    alliances: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), role: z.string() })),
  })
  .openapi('MyProfile');
export type MyProfile = z.infer<typeof MyProfileSchema>;



// ── 双报到 (lane: pairing) ──────────────────────────────────────────────────
// Strict objects: statuses, versions, the recorder and years are never taken from a client.
// (Imports sit in this section so the lanes' sections merge independently; ES imports are hoisted.)
import { PAIRING_STATUSES } from './people.ts';
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


// Posts (设岗定责), claims (领岗) and service records. Strict objects: places
// taken, statuses and versions are never taken from a client.
import { z as pz } from '@hono/zod-openapi';
import { POST_CLAIM_STATUSES, POST_STATUSES, SERVICE_LOG_STATUSES } from '../enums.ts';
const postText = (label: string, min: number, max: number) =>
  plainText(label, { multiline: max > 200, message: `请填写${label}` })
    .min(min, { message: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .max(max, { message: `${label}不能超过 ${max} 个字` });
const postRef = (label: string) => pz.string({ message: `请选择${label}` }).min(1, { message: `请选择${label}` }).max(40, { message: `${label}编号无效` });
const placesField = pz.number({ message: '岗位人数须为整数' }).int({ message: '岗位人数须为整数' }).min(1, { message: '岗位人数至少 1 人' }).max(1000, { message: '岗位人数不能超过 1000 人' });
const skillsField = pz.array(postText('特长', 1, 20), { message: '特长须为列表' }).max(10, { message: '特长最多 10 项' });

export const PostCreateSchema = pz
  .object({
    ownerOrgId: postRef('设岗社区（组织）').nullable().optional(),
    ownerAllianceId: postRef('设岗联合体').nullable().optional(),
    title: postText('岗位名称', 2, 60),
    duties: postText('岗位职责', 2, 1000),
    places: placesField,
    startsOn: dateSchema,
    endsOn: dateSchema,
    skills: skillsField.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.ownerOrgId === !v.ownerAllianceId) ctx.addIssue({ code: 'custom', path: ['ownerOrgId'], message: '设岗单位须为一个社区（组织）或一个联合体，二者选一' });
    if (v.startsOn > v.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期' });
  })
  .openapi('PostCreate');
export type PostCreateInput = pz.infer<typeof PostCreateSchema>;

export const PostUpdateSchema = pz
  .object({
    title: postText('岗位名称', 2, 60).optional(),
    duties: postText('岗位职责', 2, 1000).optional(),
    places: placesField.optional(),
    startsOn: dateSchema.optional(),
    endsOn: dateSchema.optional(),
    skills: skillsField.optional(),
    status: pz.enum(POST_STATUSES, { message: '状态须为 open（招募中）或 closed（已关闭）' }).optional(),
  })
  .strict()
  .openapi('PostUpdate');
export type PostUpdateInput = pz.infer<typeof PostUpdateSchema>;

export const PostViewSchema = pz
  .object({
    id: pz.string(),
    ownerOrgId: pz.string().nullable(),
    ownerAllianceId: pz.string().nullable(),
    ownerName: pz.string(),
    title: pz.string(),
    duties: pz.string(),
    places: pz.number().int(),
    taken: pz.number().int(),
    startsOn: pz.string(),
    endsOn: pz.string(),
    skills: pz.array(pz.string()),
    status: pz.enum(POST_STATUSES),
    /** Open for claims today: open, not ended, a place left. */
    claimable: pz.boolean(),
    version: pz.number().int(),
    createdAt: pz.number().int(),
  })
  .openapi('Post');
export type PostView = pz.infer<typeof PostViewSchema>;

export const PostListQuerySchema = pz
  .object({
    open: pz.enum(['1', '0'], { message: 'open 须为 1 或 0' }).optional().openapi({ description: '1：只列可领的岗位（招募中、未结束、有空位）' }),
    ownerOrgId: postRef('设岗社区（组织）').optional(),
    ownerAllianceId: postRef('设岗联合体').optional(),
  })
  .strict();
export const PostPageSchema = pz.object({ items: pz.array(PostViewSchema) }).openapi('PostPage');

export const PostClaimCreateSchema = pz
  .object({
    teamIds: pz.array(postRef('队员'), { message: '队员须为列表' }).max(20, { message: '一支队伍最多 20 人' }).optional().openapi({ description: '与本人同属一个支部、具备岗位所需特长的队员（按特长组队共同领岗）' }),
    note: postText('备注', 1, 500).nullable().optional(),
  })
  .strict()
  .openapi('PostClaimCreate');
export const PostClaimDecisionSchema = pz
  .object({
    decision: pz.enum(['approve', 'decline'], { message: '决定须为 approve（同意）或 decline（不同意）' }),
    reason: postText('理由', 2, 500).nullable().optional(),
  })
  .strict()
  .openapi('PostClaimDecision');
export const ServiceLogCreateSchema = pz
  .object({
    serviceDate: dateSchema,
    minutes: pz.number({ message: '服务时长须为整数分钟' }).int({ message: '服务时长须为整数分钟' }).min(1, { message: '服务时长至少 1 分钟' }).max(1440, { message: '一天的服务时长不能超过 24 小时' }),
    description: postText('服务内容', 2, 500),
  })
  .strict()
  .openapi('ServiceLogCreate');
export const ServiceDecisionSchema = pz
  .object({
    decision: pz.enum(['confirm', 'reject'], { message: '决定须为 confirm（确认）或 reject（不予确认）' }),
    reason: postText('理由', 2, 500).nullable().optional(),
  })
  .strict()
  .openapi('ServiceDecision');

export const ServiceLogViewSchema = pz
  .object({
    id: pz.string(),
    claimId: pz.string(),
    postId: pz.string(),
    personId: pz.string(),
    personName: pz.string(),
    serviceDate: pz.string(),
    minutes: pz.number().int(),
    description: pz.string(),
    status: pz.enum(SERVICE_LOG_STATUSES),
    decisionReason: pz.string().nullable(),
  })
  .openapi('ServiceLog');
export type ServiceLogView = pz.infer<typeof ServiceLogViewSchema>;

export const PostClaimViewSchema = pz
  .object({
    id: pz.string(),
    postId: pz.string(),
    personId: pz.string(),
    personName: pz.string(),
    groupId: pz.string().nullable(),
    status: pz.enum(POST_CLAIM_STATUSES),
    note: pz.string().nullable(),
    decisionReason: pz.string().nullable(),
    claimedOn: pz.string(),
  })
  .openapi('PostClaim');
export type PostClaimView = pz.infer<typeof PostClaimViewSchema>;

/** A post with its claims and service records, for its owner. */
export const PostWorkViewSchema = pz
  .object({ post: PostViewSchema, claims: pz.array(PostClaimViewSchema), serviceLogs: pz.array(ServiceLogViewSchema) })
  .openapi('PostWork');
export type PostWorkView = pz.infer<typeof PostWorkViewSchema>;

/** A member's own claims with their posts and service, and the confirmed total. */
export const MyPostsViewSchema = pz
  .object({
    claims: pz.array(PostClaimViewSchema.extend({ post: PostViewSchema, serviceLogs: pz.array(ServiceLogViewSchema) })),
    confirmedMinutes: pz.number().int(),
  })
  .openapi('MyPosts');
export type MyPostsView = pz.infer<typeof MyPostsViewSchema>;
