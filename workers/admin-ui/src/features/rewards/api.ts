import type { AllocationTableView, CityAwardView, CountyMatchingView, DisbursementView, MatchingTableView, RoundCreate, RoundUpdate, RoundView } from '@ronghe/schema';
import { api, download, get } from '../../api/client.ts';

// 以奖代补 reward rounds (issue 12). Types come from the shared zod schemas (schema/tenant/rewards-schemas.ts); amounts are 分.

const R = (tenant: string, rest = '') => `/t/${tenant}/rewards/rounds${rest}`;
const id = (s: string) => `/${encodeURIComponent(s)}`;
const ifMatch = (version: number) => ({ 'if-match': `"v${version}"` });

export type { AllocationTableView, CityAwardView, CountyMatchingView, DisbursementView, MatchingTableView, RoundCreate, RoundUpdate, RoundView };

export const rewardsApi = {
  list: (tenant: string, year: number) => get<{ items: RoundView[] }>(R(tenant), { year }).then((r) => r.items),
  get: (tenant: string, roundId: string) => get<RoundView>(R(tenant, id(roundId))),
  create: (tenant: string, body: RoundCreate) => api<RoundView>('POST', R(tenant), { json: body }).then((r) => r.data),
  update: (tenant: string, roundId: string, version: number, patch: RoundUpdate) =>
    api<RoundView>('PATCH', R(tenant, id(roundId)), { json: patch, headers: ifMatch(version) }).then((r) => r.data),
  simulate: (tenant: string, roundId: string) => api<AllocationTableView>('POST', R(tenant, `${id(roundId)}/simulate`)).then((r) => r.data),
  table: (tenant: string, roundId: string) => get<AllocationTableView>(R(tenant, `${id(roundId)}/allocations`)),
  publish: (tenant: string, roundId: string, version: number) => api<RoundView>('POST', R(tenant, `${id(roundId)}/publish`), { headers: ifMatch(version) }).then((r) => r.data),
  correct: (tenant: string, roundId: string, reason: string) => api<RoundView>('POST', R(tenant, `${id(roundId)}/correct`), { json: { reason } }).then((r) => r.data),
  pay: (tenant: string, disbursementId: string, body: { paidOn: string; voucherNo: string }) =>
    api<DisbursementView>('POST', `/t/${tenant}/rewards/disbursements${id(disbursementId)}/pay`, { json: body }).then((r) => r.data),
  /** 市级奖补 to this county's recipients (ADR 0025). */
  cityAwards: (tenant: string, year?: number) => get<{ items: CityAwardView[] }>(`/t/${tenant}/rewards/city-awards`, year === undefined ? undefined : { year }).then((r) => r.items),
  /** Each county's 配套 of a city round (the city's view). */
  countyMatching: (tenant: string, roundId: string) => get<{ items: CountyMatchingView[] }>(R(tenant, `${id(roundId)}/county-matching`)).then((r) => r.items),
  exportRound: (tenant: string, roundId: string) => download(R(tenant, `${id(roundId)}/export`), undefined, '以奖代补资金分配表.xlsx'),
};
