import type { AllianceAction } from '@ronghe/schema';
import { api, download, get, type Query } from './client.ts';
import type { Versioned } from './endpoints.ts';
import type {
  AdjustmentCreateInput,
  AllianceCreateInput,
  AllianceDetail,
  AllianceDocument,
  AllianceSummary,
  AllianceUpdateInput,
  DocumentCreateInput,
  DocumentUpdateInput,
  CityFiling,
  Filing,
  GovernanceInput,
  MemberInput,
  MemberUpdateInput,
  RedDistrict,
  RedDistrictCreateInput,
  RedDistrictUpdateInput,
  RedRoute,
  RedRouteCreateInput,
  RedRouteUpdateInput,
  TransitionInput,
  OpenWork,
} from './types.ts';

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;
const seg = encodeURIComponent;

/** The type the browser reports, or one from the file's extension (some systems report none for scans). */
function originalType(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.toLowerCase().split('.').pop();
  return ext === 'pdf' ? 'application/pdf' : ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : 'application/octet-stream';
}

/** The If-Match value for an object whose version the page already holds (members, documents, adjustments). */
export const etagFor = (version: number) => `"v${version}"`;

function versioned<T extends { version: number }>(r: { data: T; headers: Headers }): Versioned<T> {
  // The fallback only matters if a proxy strips the header; the server's format is "v<version>".
  return { value: r.data, etag: r.headers.get('etag') ?? etagFor(r.data.version) };
}

/**
 * Sub-resource writes may answer with the alliance or with the sub-resource;
 * either way the page needs the alliance (and its ETag) afterwards.
 */
async function detailAfter(tenant: string, id: string, r: { data: unknown; headers: Headers }): Promise<Versioned<AllianceDetail>> {
  const d = r.data as Partial<AllianceDetail> | undefined;
  if (d && typeof d === 'object' && d.id === id && 'checks' in d && 'can' in d) return versioned(r as { data: AllianceDetail; headers: Headers });
  return allianceApi.get(tenant, id);
}

export interface AlliancePage {
  items: AllianceSummary[];
  total: number;
  nextCursor: string | null;
}

export type WorkflowAction = AllianceAction;

export const allianceApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) => get<AlliancePage>(t(tenant, '/alliances'), query, signal),
  export: (tenant: string, query: Query) => download(t(tenant, '/alliances/export'), query, '党建联合体.xlsx'),
  get: async (tenant: string, id: string): Promise<Versioned<AllianceDetail>> =>
    versioned(await api<AllianceDetail>('GET', t(tenant, `/alliances/${seg(id)}`))),
  create: async (tenant: string, input: AllianceCreateInput): Promise<Versioned<AllianceDetail>> =>
    versioned(await api<AllianceDetail>('POST', t(tenant, '/alliances'), { json: input })),
  update: async (tenant: string, id: string, etag: string, input: AllianceUpdateInput): Promise<Versioned<AllianceDetail>> =>
    versioned(await api<AllianceDetail>('PATCH', t(tenant, `/alliances/${seg(id)}`), { json: input, headers: { 'if-match': etag } })),
  transition: async (tenant: string, id: string, etag: string, action: WorkflowAction, body: TransitionInput): Promise<Versioned<AllianceDetail>> =>
    versioned(await api<AllianceDetail>('POST', t(tenant, `/alliances/${seg(id)}/${action}`), { json: body, headers: { 'if-match': etag } })),

  /** The open projects, needs and resources a dissolution must settle (ADR 0016), and who may take them over. */
  openWork: (tenant: string, id: string) => get<OpenWork>(t(tenant, `/alliances/${seg(id)}/open-work`)),

  addMember: async (tenant: string, id: string, etag: string, input: MemberInput) =>
    detailAfter(tenant, id, await api('POST', t(tenant, `/alliances/${seg(id)}/members`), { json: input, headers: { 'if-match': etag } })),
  updateMember: async (tenant: string, id: string, memberId: string, memberVersion: number, input: MemberUpdateInput) =>
    detailAfter(
      tenant,
      id,
      await api('PATCH', t(tenant, `/alliances/${seg(id)}/members/${seg(memberId)}`), { json: input, headers: { 'if-match': etagFor(memberVersion) } }),
    ),
  removeMember: async (tenant: string, id: string, etag: string, memberId: string) =>
    detailAfter(tenant, id, await api('DELETE', t(tenant, `/alliances/${seg(id)}/members/${seg(memberId)}`), { headers: { 'if-match': etag } })),

  putGovernance: async (tenant: string, id: string, etag: string, input: GovernanceInput) =>
    detailAfter(tenant, id, await api('PUT', t(tenant, `/alliances/${seg(id)}/governance`), { json: input, headers: { 'if-match': etag } })),

  getDocument: async (tenant: string, id: string, docId: string): Promise<Versioned<AllianceDocument>> =>
    versioned(await api<AllianceDocument>('GET', t(tenant, `/alliances/${seg(id)}/documents/${seg(docId)}`))),
  createDocument: async (tenant: string, id: string, input: DocumentCreateInput): Promise<Versioned<AllianceDocument>> =>
    versioned(await api<AllianceDocument>('POST', t(tenant, `/alliances/${seg(id)}/documents`), { json: input })),
  updateDocument: async (tenant: string, id: string, docId: string, etag: string, input: DocumentUpdateInput): Promise<Versioned<AllianceDocument>> =>
    versioned(
      await api<AllianceDocument>('PATCH', t(tenant, `/alliances/${seg(id)}/documents/${seg(docId)}`), { json: input, headers: { 'if-match': etag } }),
    ),
  /** 盖章扫描件: the file's own bytes; the server decides its type from them (ADR 0017). */
  uploadOriginal: async (tenant: string, id: string, docId: string, etag: string, file: File): Promise<Versioned<AllianceDocument>> =>
    versioned(
      await api<AllianceDocument>('PUT', t(tenant, `/alliances/${seg(id)}/documents/${seg(docId)}/original`), {
        body: file,
        contentType: originalType(file),
        query: { fileName: file.name.slice(0, 200) },
        headers: { 'if-match': etag },
      }),
    ),
  downloadOriginal: (tenant: string, id: string, docId: string, fallbackName: string) =>
    download(t(tenant, `/alliances/${seg(id)}/documents/${seg(docId)}/original`), undefined, fallbackName),

  proposeAdjustment: async (tenant: string, id: string, input: AdjustmentCreateInput) =>
    detailAfter(tenant, id, await api('POST', t(tenant, `/alliances/${seg(id)}/adjustments`), { json: input })),
  decideAdjustment: async (
    tenant: string,
    id: string,
    adjId: string,
    adjVersion: number,
    decision: 'approve' | 'reject',
    body: { note: string; onDate?: string; contributions?: Array<{ orgId: string; contributionBp: number }> },
  ) =>
    detailAfter(
      tenant,
      id,
      await api('POST', t(tenant, `/alliances/${seg(id)}/adjustments/${seg(adjId)}/${decision}`), { json: body, headers: { 'if-match': etagFor(adjVersion) } }),
    ),
};

export interface FilingPage {
  items: Filing[];
  total: number;
  unread: number;
  nextCursor: string | null;
}

export const filingApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) => get<FilingPage>(t(tenant, '/filings'), query, signal),
  acknowledge: (tenant: string, id: string) => api<Filing>('POST', t(tenant, `/filings/${seg(id)}/acknowledge`)).then((r) => r.data),
  acknowledgeMany: (tenant: string, ids: string[]) =>
    api<{ acknowledged: number; items: Filing[] }>('POST', t(tenant, '/filings/acknowledge'), { json: { ids } }).then((r) => r.data),
};

/** 市委组织部备案收件箱 (issue 13): every county's filings, from the city's copy; signed on each county's record. */
export interface CityFilingPage {
  items: CityFiling[];
  total: number;
  unread: number;
  nextCursor: string | null;
}

export const cityFilingApi = {
  list: (query: Query, signal?: AbortSignal) => get<CityFilingPage>('/city/filings', query, signal),
  acknowledge: (items: Array<{ tenant: string; id: string }>) =>
    api<{ acknowledged: number; items: CityFiling[]; failedCounties: Array<{ tenant: string; tenantName: string }> }>('POST', '/city/filings/acknowledge', { json: { items } }).then((r) => r.data),
};

export const redApi = {
  routes: (tenant: string, query?: Query) => get<{ items: RedRoute[] }>(t(tenant, '/red-routes'), query).then((r) => r.items),
  route: async (tenant: string, id: string): Promise<Versioned<RedRoute>> => versioned(await api<RedRoute>('GET', t(tenant, `/red-routes/${seg(id)}`))),
  createRoute: async (tenant: string, input: RedRouteCreateInput): Promise<Versioned<RedRoute>> =>
    versioned(await api<RedRoute>('POST', t(tenant, '/red-routes'), { json: input })),
  updateRoute: async (tenant: string, id: string, etag: string, input: RedRouteUpdateInput): Promise<Versioned<RedRoute>> =>
    versioned(await api<RedRoute>('PATCH', t(tenant, `/red-routes/${seg(id)}`), { json: input, headers: { 'if-match': etag } })),
  districts: (tenant: string, query?: Query) => get<{ items: RedDistrict[] }>(t(tenant, '/red-districts'), query).then((r) => r.items),
  district: async (tenant: string, id: string): Promise<Versioned<RedDistrict>> =>
    versioned(await api<RedDistrict>('GET', t(tenant, `/red-districts/${seg(id)}`))),
  createDistrict: async (tenant: string, input: RedDistrictCreateInput): Promise<Versioned<RedDistrict>> =>
    versioned(await api<RedDistrict>('POST', t(tenant, '/red-districts'), { json: input })),
  updateDistrict: async (tenant: string, id: string, etag: string, input: RedDistrictUpdateInput): Promise<Versioned<RedDistrict>> =>
    versioned(await api<RedDistrict>('PATCH', t(tenant, `/red-districts/${seg(id)}`), { json: input, headers: { 'if-match': etag } })),
};
