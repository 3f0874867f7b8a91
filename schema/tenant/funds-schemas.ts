// The funds capability's edge schemas (zod: inputs, views, labels).
import { z } from '@hono/zod-openapi';
import { plainText } from '../text.ts';
import { dateSchema } from './alliance-schemas.ts';
import { FUND_ENTRY_KINDS, FUND_SOURCES } from './funds.ts';
// Labels live in ../labels.ts (no zod there: the admin UI's pages read them without the schemas).
export { FUND_ENTRY_KIND_LABELS, FUND_SOURCE_LABELS } from '../labels.ts';

/** Chinese names of the kinds and sources (the UI and the spreadsheets use them). */

/** Largest single amount, in 分 (10 亿元): far above any alliance's yearly funds, far below 2^53. */
export const FUND_MAX_FEN = 100_000_000_000;

const tenantParam = z.string().max(40).openapi({ param: { name: 'tenant', in: 'path' }, example: 'hongshan' });

export const FundAllianceParam = z.object({
  tenant: tenantParam,
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'all_01jbz0000000000000000000000', description: '党建联合体编号' }),
});
export const FundEntryIdParam = z.object({
  tenant: tenantParam,
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'fle_01jbz0000000000000000000000', description: '经费明细编号' }),
});

const amountFen = z
  .number({ message: '金额须为整数（分）' })
  .int({ message: '金额须为整数（分）' })
  .min(1, { message: '金额至少 0.01 元' })
  .max(FUND_MAX_FEN, { message: '金额最多 10 亿元' })
  .openapi({ description: '金额（分）' });
const summary = plainText('摘要', { message: '请填写摘要' }).pipe(z.string().min(2, { message: '摘要至少 2 个字' }).max(200, { message: '摘要最多 200 个字' }));
const voucherNo = plainText('凭证号', { message: '凭证号须为文字' }).pipe(z.string().max(40, { message: '凭证号最多 40 个字' }));
const occurredOn = dateSchema.openapi({ description: '发生日期（北京时间），不晚于今天' });

/** One entry recorded by hand: income by source, or spending (optionally on a project of the alliance). */
export const FundEntryCreateSchema = z
  .object({
    kind: z.enum(FUND_ENTRY_KINDS, { message: '类型须为收入或支出' }),
    source: z.enum(FUND_SOURCES, { message: '来源须为上级拨、各方筹、党费补或其他' }).optional(),
    amountFen,
    occurredOn,
    voucherNo: voucherNo.optional(),
    summary,
    projectId: z.string({ message: '请选择项目' }).min(1, { message: '请选择项目' }).max(40, { message: '项目编号无效' }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'income' && !v.source) ctx.addIssue({ code: 'custom', path: ['source'], message: '收入须选择来源' });
    if (v.kind === 'spending' && v.source) ctx.addIssue({ code: 'custom', path: ['source'], message: '支出不填来源' });
    if (v.kind === 'income' && v.projectId) ctx.addIssue({ code: 'custom', path: ['projectId'], message: '只有支出可以记到项目上' });
  })
  .openapi('FundEntryCreate');
export type FundEntryCreate = z.infer<typeof FundEntryCreateSchema>;

/** 各方筹: one amount, split over the current members by their 出资比例. */
export const ContributionCallSchema = z
  .object({ amountFen, occurredOn, voucherNo: voucherNo.optional(), summary })
  .strict()
  .openapi('FundContributionCall');
export type ContributionCall = z.infer<typeof ContributionCallSchema>;

export const FundReverseSchema = z
  .object({ reason: plainText('冲正理由', { message: '请填写冲正理由' }).pipe(z.string().min(2, { message: '冲正理由至少 2 个字' }).max(200, { message: '冲正理由最多 200 个字' })) })
  .strict()
  .openapi('FundReverse');
export type FundReverse = z.infer<typeof FundReverseSchema>;

export const FundEntrySchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    kind: z.enum(FUND_ENTRY_KINDS),
    source: z.enum(FUND_SOURCES).nullable(),
    amountFen: z.number().int().openapi({ description: '金额（分）；冲正记录为负数' }),
    projectId: z.string().nullable(),
    projectTitle: z.string().nullable(),
    orgId: z.string().nullable(),
    orgName: z.string().nullable(),
    callId: z.string().nullable(),
    contributionBp: z.number().int().nullable().openapi({ description: '筹集时该成员的出资比例（万分之）' }),
    occurredOn: z.string(),
    voucherNo: z.string().nullable(),
    summary: z.string(),
    reversesId: z.string().nullable(),
    reversedBy: z.string().nullable().openapi({ description: '冲正本条的明细编号（未冲正为空）' }),
    reason: z.string().nullable(),
    recordedByName: z.string(),
    createdAt: z.number().int(),
    balanceFen: z.number().int().openapi({ description: '记入本条后的余额（分），按日期、记账先后累计' }),
  })
  .openapi('FundEntry');
export type FundEntryView = z.infer<typeof FundEntrySchema>;

const yearSchema = z.coerce.number({ message: '年份须为数字' }).int({ message: '年份须为整数' }).min(2000, { message: '年份不早于 2000' }).max(2100, { message: '年份不晚于 2100' });
export const FundLedgerQuerySchema = z.object({ year: yearSchema.optional() }).strict();
export type FundLedgerQuery = z.infer<typeof FundLedgerQuerySchema>;

export const FundLedgerSchema = z
  .object({
    allianceId: z.string(),
    allianceName: z.string(),
    year: z.number().int(),
    openingFen: z.number().int().openapi({ description: '年初余额（分）' }),
    incomeFen: z.number().int(),
    spendingFen: z.number().int(),
    closingFen: z.number().int().openapi({ description: '年末（或至今）余额（分）' }),
    items: z.array(FundEntrySchema).openapi({ description: '本年明细，按日期、记账先后排列' }),
  })
  .openapi('FundLedger');
export type FundLedgerView = z.infer<typeof FundLedgerSchema>;

const bySource = z.object({ allocation: z.number().int(), contribution: z.number().int(), party_fee: z.number().int(), other: z.number().int() });
export type FundBySource = z.infer<typeof bySource>;

export const FundProjectReconciliationSchema = z
  .object({
    projectId: z.string(),
    title: z.string(),
    status: z.string(),
    budgetFen: z.number().int(),
    spentFen: z.number().int(),
    remainingFen: z.number().int().openapi({ description: '预算 − 已支出（分），超支为负' }),
    overBudget: z.boolean(),
  })
  .openapi('FundProjectReconciliation');

export const FundBalanceSchema = z
  .object({
    allianceId: z.string(),
    allianceName: z.string(),
    incomeFen: z.number().int(),
    spendingFen: z.number().int(),
    balanceFen: z.number().int(),
    overdrawn: z.boolean().openapi({ description: '余额为负（支出记录多于收入）' }),
    bySource,
    unassignedSpendingFen: z.number().int().openapi({ description: '未记到项目上的支出（分）' }),
    projects: z.array(FundProjectReconciliationSchema),
  })
  .openapi('FundBalance');
export type FundBalanceView = z.infer<typeof FundBalanceSchema>;

export const ContributionCallResultSchema = z
  .object({
    callId: z.string(),
    amountFen: z.number().int(),
    bpTotal: z.number().int().openapi({ description: '成员出资比例之和（万分之）；不等于 10000 时按比例折算' }),
    scaled: z.boolean(),
    parts: z.array(z.object({ orgId: z.string(), orgName: z.string(), contributionBp: z.number().int(), amountFen: z.number().int(), entryId: z.string().nullable() })),
  })
  .openapi('FundContributionCallResult');
export type ContributionCallResult = z.infer<typeof ContributionCallResultSchema>;

export const FundSummaryRowSchema = z
  .object({
    allianceId: z.string(),
    allianceName: z.string(),
    allianceStatus: z.string(),
    bySource,
    incomeFen: z.number().int(),
    spendingFen: z.number().int(),
    balanceFen: z.number().int(),
  })
  .openapi('FundSummaryRow');
export type FundSummaryRow = z.infer<typeof FundSummaryRowSchema>;

export const FundSummarySchema = z
  .object({ items: z.array(FundSummaryRowSchema), totals: FundSummaryRowSchema.omit({ allianceId: true, allianceName: true, allianceStatus: true }) })
  .openapi('FundSummary');
export type FundSummaryView = z.infer<typeof FundSummarySchema>;
