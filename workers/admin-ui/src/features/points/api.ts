import type { LeaderboardView, ManualAward, MyPointsView, PointEntryView, PointRuleUpdate, PointRuleView } from '@ronghe/schema';
import { api, get, type Query } from '../../api/client.ts';

// 积分 (issue 11). Types come from the shared zod schemas (schema/tenant/points-schemas.ts).

const t = (tenant: string, path: string) => `/t/${tenant}${path}`;

export type { LeaderboardView, MyPointsView, PointEntryView, PointRuleView };

export const pointsApi = {
  rules: (tenant: string) => get<{ items: PointRuleView[] }>(t(tenant, '/points/rules')),
  history: (tenant: string, code: string) => get<{ items: PointRuleView[] }>(t(tenant, `/points/rules/${encodeURIComponent(code)}/history`)),
  updateRule: (tenant: string, code: string, version: number, rule: PointRuleUpdate) =>
    api<PointRuleView>('PUT', t(tenant, `/points/rules/${encodeURIComponent(code)}`), { json: rule, headers: { 'if-match': `"v${version}"` } }).then((r) => r.data),
  entries: (tenant: string, query: Query) => get<{ items: PointEntryView[]; nextCursor: string | null }>(t(tenant, '/points/entries'), query),
  award: (tenant: string, body: ManualAward) => api<PointEntryView>('POST', t(tenant, '/points/entries'), { json: body }).then((r) => r.data),
  compensate: (tenant: string, id: string, reason: string) =>
    api<PointEntryView>('POST', t(tenant, `/points/entries/${encodeURIComponent(id)}/compensate`), { json: { reason } }).then((r) => r.data),
  leaderboard: (tenant: string, query: Query) => get<LeaderboardView>(t(tenant, '/points/leaderboard'), query),
  mine: (tenant: string, year?: number) => get<MyPointsView>(t(tenant, '/my/points'), year ? { year } : {}),
};
