import { api, get, type Query } from '../../api/client.ts';
import type { MeetingComplianceView, MeetingDecisionView, MeetingView } from '@ronghe/schema';

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;

export const meetingApi = {
  list: (tenant: string, query: Query) => get<{ items: MeetingView[]; total: number }>(t(tenant, '/meetings'), query),
  create: (tenant: string, body: unknown) => api<MeetingView>('POST', t(tenant, '/meetings'), { json: body }).then((r) => r.data),
  decisions: (tenant: string, query: Query) => get<{ items: MeetingDecisionView[]; total: number }>(t(tenant, '/meeting-decisions'), query),
  complete: (tenant: string, d: MeetingDecisionView, note: string) =>
    api<MeetingDecisionView>('POST', t(tenant, `/meeting-decisions/${encodeURIComponent(d.id)}/complete`), { json: { note }, headers: { 'if-match': `"v${d.version}"` } }).then((r) => r.data),
  compliance: (tenant: string, query: Query) => get<{ items: MeetingComplianceView[]; total: number }>(t(tenant, '/meetings/compliance'), query),
};
