import type {
  ComplianceView,
  MemberReportView,
  MyReportsView,
  PairingCreateInput,
  PairingStandardInput,
  PairingStandardView,
  PairingUpdateInput,
  PairingView,
  ReportRecordCreateInput,
  ReportRecordView,
} from '@ronghe/schema';
import { api, download, get, type Query } from './client.ts';

// 双报到 (issue 11): pairings, member reports, the 记实档案, the yearly standard and compliance.

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;
const seg = encodeURIComponent;
type Page<T> = { items: T[]; total: number };

export const pairingApi = {
  pairings: (tenant: string, query: Query) => get<Page<PairingView>>(t(tenant, '/pairings'), query),
  createPairing: (tenant: string, body: PairingCreateInput) => api<PairingView>('POST', t(tenant, '/pairings'), { json: body }).then((r) => r.data),
  updatePairing: (tenant: string, id: string, version: number, body: PairingUpdateInput) =>
    api<PairingView>('PATCH', t(tenant, `/pairings/${seg(id)}`), { json: body, headers: { 'if-match': `"v${version}"` } }).then((r) => r.data),
  reports: (tenant: string, query: Query) => get<Page<MemberReportView>>(t(tenant, '/member-reports'), query),
  endReport: (tenant: string, id: string) => api<MemberReportView>('POST', t(tenant, `/member-reports/${seg(id)}/end`)).then((r) => r.data),
  records: (tenant: string, query: Query) => get<Page<ReportRecordView>>(t(tenant, '/report-records'), query),
  addRecord: (tenant: string, body: ReportRecordCreateInput) => api<ReportRecordView>('POST', t(tenant, '/report-records'), { json: body }).then((r) => r.data),
  compliance: (tenant: string, query: Query) => get<ComplianceView>(t(tenant, '/pairing/compliance'), query),
  exportCompliance: (tenant: string, year: number) => download(t(tenant, '/pairing/compliance/export'), { year }, `双报到达标情况-${year}.xlsx`),
  standard: (tenant: string, year: number) => get<PairingStandardView>(t(tenant, `/pairing/standards/${year}`)),
  setStandard: (tenant: string, year: number, body: PairingStandardInput) => api<PairingStandardView>('PUT', t(tenant, `/pairing/standards/${year}`), { json: body }).then((r) => r.data),
  mine: (tenant: string) => get<MyReportsView>(t(tenant, '/my/reports')),
  reportMyself: (tenant: string, communityOrgId: string) => api<MemberReportView>('POST', t(tenant, '/my/reports'), { json: { communityOrgId } }).then((r) => r.data),
};
