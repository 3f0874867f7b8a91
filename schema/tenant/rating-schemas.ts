// 四评 ratings (lane raters): edge schemas of the ratings by the four rater
// groups, the member organizations' evaluation, and residents' one-answer links.
import { z } from '@hono/zod-openapi';
import { ASSESSMENT_GRADES, RATER_GROUPS, RESIDENT_LEVELS } from './assessment.ts';
// Labels live in ../labels.ts (no zod there: the admin UI's pages read them without the schemas).
export { RATING_LEVEL_LABELS } from '../labels.ts';

// The rater groups' Chinese names are RATER_GROUP_LABELS (assessment-schemas.ts).

/** The groups the committee's page enters directly (members answer under /my, residents by link). */
export const ENTERED_GROUPS = ['committee', 'department', 'member_org'] as const;

const score = z.number({ message: '请填写 0–100 的分数' }).int({ message: '分数须为整数' }).min(0, { message: '分数不能低于 0' }).max(100, { message: '分数不能超过 100' });
const comment = z.string().trim().max(500, { message: '意见不超过 500 字' }).optional();
const grade = z.enum(ASSESSMENT_GRADES, { message: '评价等次须为 优秀、良好、一般 或 较差' });

export const RatingEntrySchema = z
  .object({
    group: z.enum(ENTERED_GROUPS, { message: '评价主体须为 组织评定、社会评价 或 成员单位评价' }),
    score,
    level: grade,
    comment,
    /** 社会评价: the department's name (its one answer). */
    department: z.string().trim().min(2, { message: '请填写部门名称' }).max(60, { message: '部门名称不超过 60 字' }).optional(),
    /** 成员单位评价: the member organization answering. */
    orgId: z.string().min(1).max(40).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.group === 'department' && !v.department) ctx.addIssue({ code: 'custom', path: ['department'], message: '社会评价须填写部门名称' });
    if (v.group === 'member_org' && !v.orgId) ctx.addIssue({ code: 'custom', path: ['orgId'], message: '成员单位评价须选择成员单位' });
  })
  .openapi('RatingEntry');
export type RatingEntry = z.infer<typeof RatingEntrySchema>;

export const MemberRatingSchema = z.object({ score, level: grade, comment }).strict().openapi('MemberRating');
export type MemberRatingInput = z.infer<typeof MemberRatingSchema>;

export const ResidentAnswerSchema = z
  .object({ score, level: z.enum(RESIDENT_LEVELS, { message: '请选择 满意、基本满意 或 不满意' }), comment })
  .strict()
  .openapi('ResidentAnswer');
export type ResidentAnswer = z.infer<typeof ResidentAnswerSchema>;

export const RatingSchema = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    group: z.enum(RATER_GROUPS),
    /** Who answered, in words, where the group is not anonymous (committee, department, member organization); null for members and residents. */
    rater: z.string().nullable(),
    score: z.number().int(),
    level: z.string(),
    comment: z.string().nullable(),
    createdAt: z.number().int(),
  })
  .openapi('Rating');
export type RatingView = z.infer<typeof RatingSchema>;

export const RatingTallySchema = z
  .object({
    group: z.enum(RATER_GROUPS),
    count: z.number().int(),
    /** Average score in hundredths (8650 = 86.50), null with no rating. */
    average: z.number().int().nullable(),
    levels: z.record(z.string(), z.number().int()),
  })
  .openapi('RatingTally');
export type RatingTally = z.infer<typeof RatingTallySchema>;

export const RatingLinkStatsSchema = z
  .object({ issued: z.number().int(), used: z.number().int(), expired: z.number().int(), revoked: z.number().int(), open: z.number().int() })
  .openapi('RatingLinkStats');

export const AssessmentRatingsSchema = z
  .object({
    assessmentId: z.string(),
    allianceName: z.string(),
    year: z.number().int(),
    status: z.enum(['open', 'finalized']),
    tallies: z.array(RatingTallySchema),
    ratings: z.array(RatingSchema),
    links: RatingLinkStatsSchema,
    /** The alliance's current member organizations (for 成员单位评价). */
    memberOrgs: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('AssessmentRatings');
export type AssessmentRatingsView = z.infer<typeof AssessmentRatingsSchema>;

export const IssueLinksSchema = z
  .object({
    count: z.number({ message: '请填写链接数量' }).int({ message: '数量须为整数' }).min(1, { message: '至少签发 1 个链接' }).max(500, { message: '一次最多签发 500 个链接' }),
    expiresInDays: z.number().int({ message: '有效天数须为整数' }).min(1, { message: '有效期至少 1 天' }).max(180, { message: '有效期不超过 180 天' }).optional(),
    label: z.string().trim().max(40, { message: '备注不超过 40 字' }).optional(),
  })
  .strict()
  .openapi('IssueRatingLinks');
export type IssueLinksInput = z.infer<typeof IssueLinksSchema>;

export const RatingLinkSchema = z
  .object({
    id: z.string(),
    label: z.string().nullable(),
    status: z.enum(['open', 'used', 'expired', 'revoked']),
    expiresAt: z.number().int(),
    usedAt: z.number().int().nullable(),
    createdAt: z.number().int(),
  })
  .openapi('RatingLink');
export type RatingLinkView = z.infer<typeof RatingLinkSchema>;

export const IssuedLinksSchema = z
  .object({
    expiresAt: z.number().int(),
    /** Each link's token, shown ONCE (only its SHA-256 is kept): the public form is /rate/{token}. */
    links: z.array(z.object({ id: z.string(), token: z.string() })),
  })
  .openapi('IssuedRatingLinks');
export type IssuedLinksView = z.infer<typeof IssuedLinksSchema>;

export const RatingLinkListSchema = z.object({ stats: RatingLinkStatsSchema, links: z.array(RatingLinkSchema) }).openapi('RatingLinkList');
export type RatingLinkListView = z.infer<typeof RatingLinkListSchema>;

export const RevokeLinksSchema = z
  .object({ linkIds: z.array(z.string().min(1).max(40)).min(1, { message: '请选择要作废的链接' }).max(500, { message: '一次最多作废 500 个链接' }).optional() })
  .strict()
  .openapi('RevokeRatingLinks');
export type RevokeLinksInput = z.infer<typeof RevokeLinksSchema>;

export const MyRatableSchema = z
  .object({
    assessmentId: z.string(),
    allianceName: z.string(),
    year: z.number().int(),
    /** My answer when given (one answer per member). */
    mine: z.object({ score: z.number().int(), level: z.string(), comment: z.string().nullable(), createdAt: z.number().int() }).nullable(),
  })
  .openapi('MyRatable');
export type MyRatableView = z.infer<typeof MyRatableSchema>;

export const MemberOrgRatableSchema = z
  .object({
    assessmentId: z.string(),
    allianceName: z.string(),
    year: z.number().int(),
    /** The member organization answering (the caller's own). */
    orgId: z.string(),
    orgName: z.string(),
    mine: z.object({ score: z.number().int(), level: z.string(), comment: z.string().nullable(), createdAt: z.number().int() }).nullable(),
  })
  .openapi('MemberOrgRatable');
export type MemberOrgRatableView = z.infer<typeof MemberOrgRatableSchema>;

export const PublicRatingFormSchema = z
  .object({
    countyName: z.string(),
    allianceName: z.string(),
    year: z.number().int(),
    question: z.string(),
    expiresAt: z.number().int(),
  })
  .openapi('PublicRatingForm');
export type PublicRatingFormView = z.infer<typeof PublicRatingFormSchema>;
