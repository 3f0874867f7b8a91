// The people capability's edge schemas (zod: inputs, views, labels).

// ── People registry ─────────────────────────────────────────────────────────
export {};



// ── 双报到 (lane: pairing) ──────────────────────────────────────────────────



// ── 报到领岗 (lane: posts) ──────────────────────────────────────────────────


// Posts (设岗定责), claims (领岗) and service records. Strict objects: places
// taken, statuses and versions are never taken from a client.
import { z as pz } from '@hono/zod-openapi';
import { POST_CLAIM_STATUSES, POST_STATUSES, SERVICE_LOG_STATUSES } from '../enums.ts';
import { dateSchema } from './alliance-schemas.ts';
import { plainText } from '../text.ts';

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
