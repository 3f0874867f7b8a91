import type { MyProfile, PersonCreateInput, PersonUpdateInput, PersonView } from '@ronghe/schema';
import { api, download, get, type Query } from './client.ts';
import { XLSX_TYPE, type Versioned } from './endpoints.ts';

export type { MyProfile, PersonView };

export interface PersonPage {
  items: PersonView[];
  nextCursor: string | null;
  total: number;
}
export interface PersonImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;
const seg = encodeURIComponent;
const ifMatch = (etag: string) => ({ 'if-match': etag });
function versioned<T extends { version: number }>(r: { data: T; headers: Headers }): Versioned<T> {
  return { value: r.data, etag: r.headers.get('etag') ?? `"v${r.data.version}"` };
}

/** 人员 (issue 11): the county's people registry. */
export const peopleApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) => get<PersonPage>(t(tenant, '/people'), query, signal),
  export: (tenant: string, query: Query) => download(t(tenant, '/people/export'), query, '人员.xlsx'),
  template: (tenant: string) => download(t(tenant, '/people/import-template'), undefined, '人员导入模板.xlsx'),
  import: (tenant: string, bytes: ArrayBuffer) =>
    api<PersonImportResult>('POST', t(tenant, '/people/import'), { body: bytes, contentType: XLSX_TYPE }).then((r) => r.data),
  get: async (tenant: string, id: string) => versioned(await api<PersonView>('GET', t(tenant, `/people/${seg(id)}`))),
  create: async (tenant: string, input: PersonCreateInput) => versioned(await api<PersonView>('POST', t(tenant, '/people'), { json: input })),
  update: async (tenant: string, id: string, etag: string, input: PersonUpdateInput) =>
    versioned(await api<PersonView>('PATCH', t(tenant, `/people/${seg(id)}`), { json: input, headers: ifMatch(etag) })),
  leave: async (tenant: string, id: string, etag: string, reason: string) =>
    versioned(await api<PersonView>('POST', t(tenant, `/people/${seg(id)}/leave`), { json: { reason }, headers: ifMatch(etag) })),
  /** Links the person to a member account of the county, or unlinks it (null). */
  linkAccount: async (tenant: string, id: string, etag: string, userId: string | null) =>
    versioned(await api<PersonView>('PUT', t(tenant, `/people/${seg(id)}/account`), { json: { userId }, headers: ifMatch(etag) })),
};

/** 我的: the signed-in member's own pages. */
export const myApi = {
  profile: (tenant: string) => get<MyProfile>(t(tenant, '/my/profile')),
};
