import { api, download, get, type Query } from './client.ts';
import type {
  AuditEntry,
  ImportResult,
  LoginResult,
  Me,
  Organization,
  OrgCreateInput,
  OrgUpdateInput,
  Page,
  Tenant,
  TreeItem,
} from './types.ts';

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const authApi = {
  login: (username: string, password: string) =>
    api<LoginResult>('POST', '/auth/login', { json: { username, password }, allow401: true }).then((r) => r.data),
  logout: () => api<void>('POST', '/auth/logout', { allow401: true }),
  me: () => get<Me>('/me'),
  tenants: () => get<{ items: Tenant[] }>('/tenants').then((r) => r.items),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<void>('POST', '/me/password', { json: { currentPassword, newPassword } }),
};

/** An organization with the ETag that must accompany the next write. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

function etagOf(headers: Headers, fallbackVersion: number): string {
  // Fallback only matters if a proxy strips the header; the server's format is "v<version>".
  return headers.get('etag') ?? `"v${fallbackVersion}"`;
}

export const orgApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) =>
    get<Page<Organization> & { total: number }>(t(tenant, '/orgs'), query, signal),
  tree: (tenant: string, includeInactive = false) =>
    get<{ items: TreeItem[] }>(t(tenant, '/orgs/tree'), includeInactive ? { status: 'all' } : undefined).then(
      (r) => r.items,
    ),
  get: async (tenant: string, id: string): Promise<Versioned<Organization>> => {
    const r = await api<Organization>('GET', t(tenant, `/orgs/${encodeURIComponent(id)}`));
    return { value: r.data, etag: etagOf(r.headers, r.data.version) };
  },
  create: async (tenant: string, input: OrgCreateInput): Promise<Versioned<Organization>> => {
    const r = await api<Organization>('POST', t(tenant, '/orgs'), { json: input });
    return { value: r.data, etag: etagOf(r.headers, r.data.version) };
  },
  update: async (tenant: string, id: string, etag: string, input: OrgUpdateInput): Promise<Versioned<Organization>> => {
    const r = await api<Organization>('PATCH', t(tenant, `/orgs/${encodeURIComponent(id)}`), {
      json: input,
      headers: { 'if-match': etag },
    });
    return { value: r.data, etag: etagOf(r.headers, r.data.version) };
  },
  deactivate: (tenant: string, id: string, etag: string, reason: string) =>
    api<Organization>('POST', t(tenant, `/orgs/${encodeURIComponent(id)}/deactivate`), {
      json: { reason },
      headers: { 'if-match': etag },
    }).then((r) => r.data),
  reactivate: (tenant: string, id: string, etag: string) =>
    api<Organization>('POST', t(tenant, `/orgs/${encodeURIComponent(id)}/reactivate`), {
      headers: { 'if-match': etag },
    }).then((r) => r.data),
  export: (tenant: string, query: Query) => download(t(tenant, '/orgs/export'), query, '党组织.xlsx'),
  template: (tenant: string) => download(t(tenant, '/orgs/import-template'), undefined, '党组织导入模板.xlsx'),
  import: (tenant: string, bytes: ArrayBuffer) =>
    api<ImportResult>('POST', t(tenant, '/orgs/import'), { body: bytes, contentType: XLSX_TYPE }).then((r) => r.data),
};

export const auditApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) =>
    get<Page<AuditEntry>>(t(tenant, '/audit'), query, signal),
};
