import type { ContributionCall, ContributionCallResult, FundBalanceView, FundEntryCreate, FundEntryView, FundLedgerView, FundSummaryView } from '@ronghe/schema';
import { api, download, get } from '../../api/client.ts';

// 经费保障 (issue 12). Types come from the shared zod schemas (schema/tenant/funds-schemas.ts); amounts are 分.

const t = (tenant: string, path: string) => `/t/${tenant}${path}`;
const A = (tenant: string, id: string, rest: string) => t(tenant, `/funds/alliances/${encodeURIComponent(id)}${rest}`);

export type { ContributionCallResult, FundBalanceView, FundEntryView, FundLedgerView, FundSummaryView };

export const fundsApi = {
  summary: (tenant: string) => get<FundSummaryView>(t(tenant, '/funds/summary')),
  exportSummary: (tenant: string) => download(t(tenant, '/funds/summary/export'), undefined, '联合体经费汇总.xlsx'),
  ledger: (tenant: string, id: string, year: number) => get<FundLedgerView>(A(tenant, id, '/ledger'), { year }),
  exportLedger: (tenant: string, id: string, year: number) => download(A(tenant, id, '/ledger/export'), { year }, '经费明细账.xlsx'),
  balance: (tenant: string, id: string) => get<FundBalanceView>(A(tenant, id, '/balance')),
  record: (tenant: string, id: string, body: FundEntryCreate) => api<FundEntryView>('POST', A(tenant, id, '/entries'), { json: body }).then((r) => r.data),
  call: (tenant: string, id: string, body: ContributionCall) => api<ContributionCallResult>('POST', A(tenant, id, '/contribution-calls'), { json: body }).then((r) => r.data),
  reverse: (tenant: string, entryId: string, reason: string) =>
    api<FundEntryView>('POST', t(tenant, `/funds/entries/${encodeURIComponent(entryId)}/reverse`), { json: { reason } }).then((r) => r.data),
};
