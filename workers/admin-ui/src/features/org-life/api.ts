import { api, download, get, type Query } from '../../api/client.ts';
import type { OrgLifeBranchCompliance, OrgLifeKind, OrgLifePeriod, OrgLifeRecordView } from '@ronghe/schema';

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;

export interface StandardRow {
  kind: OrgLifeKind;
  period: OrgLifePeriod;
  times: number;
  isDefault: boolean;
}

export const orgLifeApi = {
  records: (tenant: string, query: Query) => get<{ items: OrgLifeRecordView[]; total: number }>(t(tenant, '/org-life/records'), query),
  record: (tenant: string, body: unknown) => api<OrgLifeRecordView>('POST', t(tenant, '/org-life/records'), { json: body }).then((r) => r.data),
  members: (tenant: string, orgId: string) => get<{ items: Array<{ id: string; name: string }> }>(t(tenant, `/org-life/branches/${encodeURIComponent(orgId)}/members`)).then((r) => r.items),
  standards: (tenant: string, year: number) => get<{ year: number; items: StandardRow[] }>(t(tenant, '/org-life/standards'), { year }),
  setStandards: (tenant: string, body: unknown) => api<{ year: number; items: StandardRow[] }>('PUT', t(tenant, '/org-life/standards'), { json: body }).then((r) => r.data),
  compliance: (tenant: string, query: Query) => get<{ items: OrgLifeBranchCompliance[]; total: number; branches: number; behind: number }>(t(tenant, '/org-life/compliance'), query),
  exportCompliance: (tenant: string, query: Query) => download(t(tenant, '/org-life/compliance/export'), query, '组织生活达标情况.xlsx'),
};
