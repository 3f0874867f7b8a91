import { z } from '@hono/zod-openapi';
import { ORG_DOMAINS, ORG_KINDS, ORG_STATUSES, QUALITY_STATUSES } from '../enums.ts';
import { plainText } from '../text.ts';

// The organization's edge schemas. Strict objects: unknown fields (id, status,
// version, path …) are refused, never silently dropped or assigned.

const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

export const phoneSchema = z
  .string()
  .trim()
  .regex(PHONE_RE, { message: '请输入正确的手机号（11 位）或固定电话（如 0476-8888888）' });

const personName = plainText('姓名').min(1, { message: '姓名不能为空' }).max(40, { message: '姓名不能超过 40 个字' });

export const orgFields = {
  parentId: z.string().max(40).nullable().openapi({ description: '上级党组织（隶属）编号', example: 'org_01j…' }),
  name: plainText('组织名称')
    .min(2, { message: '组织名称至少 2 个字' })
    .max(100, { message: '组织名称不能超过 100 个字' })
    .openapi({ description: '党组织全称', example: '铁南街道长青社区党委' }),
  kind: z.enum(ORG_KINDS, { message: `组织类别须为：${ORG_KINDS.join('、')}` }).openapi({ description: '组织类别' }),
  domain: z.enum(ORG_DOMAINS, { message: `所属领域须为：${ORG_DOMAINS.join('、')}` }).openapi({ description: '所属领域' }),
  divisionCode: z
    .string()
    .regex(/^\d{6}(\d{3}|\d{6})?$/, { message: '行政区划代码应为 6、9 或 12 位数字' })
    .nullable()
    .openapi({ description: 'GB/T 2260 行政区划代码', example: '150402001' }),
  isExternal: z.boolean().openapi({ description: '外部成员单位（外旗县区或市外）' }),
  externalRegion: plainText('所在地区').max(100, { message: '所在地区不能超过 100 个字' }).nullable(),
  secretaryName: personName.nullable().openapi({ description: '书记姓名' }),
  secretaryPhone: phoneSchema.nullable().openapi({ description: '书记电话' }),
  liaisonName: personName.nullable().openapi({ description: '联络员姓名' }),
  liaisonPhone: phoneSchema.nullable().openapi({ description: '联络员电话' }),
  memberCount: z
    .number({ message: '党员人数须为整数' })
    .int({ message: '党员人数须为整数' })
    .min(0, { message: '党员人数不能为负数' })
    .max(100000, { message: '党员人数不能超过 100000' }),
  qualityStatus: z.enum(QUALITY_STATUSES, { message: `达标状态须为：${QUALITY_STATUSES.join('、')}` }),
  weakFlag: z.boolean().openapi({ description: '软弱涣散' }),
};

export const OrgCreateSchema = z
  .object({
    parentId: orgFields.parentId.optional(),
    name: orgFields.name,
    kind: orgFields.kind,
    domain: orgFields.domain,
    divisionCode: orgFields.divisionCode.optional(),
    isExternal: orgFields.isExternal.optional(),
    externalRegion: orgFields.externalRegion.optional(),
    secretaryName: orgFields.secretaryName.optional(),
    secretaryPhone: orgFields.secretaryPhone.optional(),
    liaisonName: orgFields.liaisonName.optional(),
    liaisonPhone: orgFields.liaisonPhone.optional(),
    memberCount: orgFields.memberCount.optional(),
    qualityStatus: orgFields.qualityStatus.optional(),
    weakFlag: orgFields.weakFlag.optional(),
  })
  .strict()
  .openapi('OrganizationCreate');
export type OrgCreateInput = z.infer<typeof OrgCreateSchema>;

export const OrgUpdateSchema = OrgCreateSchema.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有需要修改的字段' })
  .openapi('OrganizationUpdate');
export type OrgUpdateInput = z.infer<typeof OrgUpdateSchema>;

export const OrgDeactivateSchema = z
  .object({
    reason: plainText('停用原因', { multiline: true }).min(2, { message: '请填写停用原因' }).max(500, { message: '停用原因不能超过 500 个字' }),
  })
  .strict()
  .openapi('OrganizationDeactivate');

export const OrganizationSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    parentName: z.string().nullable(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    domain: z.enum(ORG_DOMAINS),
    divisionCode: z.string().nullable(),
    isExternal: z.boolean(),
    externalRegion: z.string().nullable(),
    secretaryName: z.string().nullable(),
    secretaryPhone: z.string().nullable(),
    liaisonName: z.string().nullable(),
    liaisonPhone: z.string().nullable(),
    memberCount: z.number().int(),
    qualityStatus: z.enum(QUALITY_STATUSES),
    qualityYear: z.number().int().nullable().openapi({ description: '达标状态的评定年度' }),
    qualityDesignatedBy: z.string().nullable().openapi({ description: '评定单位' }),
    weakFlag: z.boolean(),
    status: z.enum(ORG_STATUSES),
    deactivatedAt: z.number().int().nullable(),
    deactivationReason: z.string().nullable(),
    depth: z.number().int(),
    childCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    phonesMasked: z.boolean().openapi({ description: '电话是否已脱敏（无权查看完整号码时为 true）' }),
    can: z
      .object({ update: z.boolean(), deactivate: z.boolean() })
      .openapi({ description: '当前用户能否修改、停用/启用该党组织（界面据此显示按钮；服务端仍逐次校验）' }),
  })
  .openapi('Organization');
export type OrganizationView = z.infer<typeof OrganizationSchema>;

export const OrgListQuerySchema = z
  .object({
    q: z.string().trim().max(50, { message: '搜索词不能超过 50 个字' }).optional(),
    kind: orgFields.kind.optional(),
    domain: orgFields.domain.optional(),
    qualityStatus: orgFields.qualityStatus.optional(),
    weakFlag: z.enum(['true', 'false'], { message: '软弱涣散筛选须为 true 或 false' }).optional(),
    status: z.enum(['active', 'inactive', 'all'], { message: '状态须为 active、inactive 或 all' }).optional(),
    parentId: z.string().max(40).optional(),
    under: z.string().max(40).optional().openapi({ description: '只看该组织及其全部下级' }),
    committeeFor: z
      .string()
      .max(40)
      .optional()
      .openapi({ description: '只看能审批该党组织牵头的联合体的上级党(工)委：其隶属关系上的上级中的街道、苏木乡镇、机关、园区、行业党(工)委及旗县区委，不含外部组织' }),
    external: z.enum(['true', 'false'], { message: '外部组织筛选须为 true 或 false' }).optional().openapi({ description: 'false 时不含外部组织（开设账号时用）' }),
    cursor: z.string().max(400).optional(),
    limit: z.coerce
      .number({ message: '每页条数须为数字' })
      .int()
      .min(1, { message: '每页至少 1 条' })
      .max(100, { message: '每页最多 100 条' })
      .optional(),
  })
  .strict();
export type OrgListQuery = z.infer<typeof OrgListQuerySchema>;
