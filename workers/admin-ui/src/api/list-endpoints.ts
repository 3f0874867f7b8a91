// 三张清单: categories, places, needs (需求清单), resources (资源清单) and matching (需求对接).
// Views come from the shared zod schemas (schema/tenant/lists-schemas.ts).
import type {
  AcceptMatchInput,
  AssignmentView,
  CategoryCreateInput,
  CategoryUpdateInput,
  CategoryView,
  NeedCreateInput,
  NeedUpdateInput,
  NeedView,
  ProjectSummaryView,
  RejectMatchInput,
  ResourceCreateInput,
  ResourceUpdateInput,
  ResourceView,
} from '@ronghe/schema';
import { ApiError, api, download, get, type FieldError, type Query } from './client.ts';
import { XLSX_TYPE, type Versioned } from './endpoints.ts';

export type { AssignmentView, CategoryView, NeedView, ResourceView };
export type AssignmentItem = AssignmentView['items'][number];
export type MatchFactor = AssignmentItem['factors'][number];

export interface MatchSuggestion {
  resource: ResourceView;
  quantity: number;
  cost: number;
  factors: MatchFactor[];
  /** Why this pair, in plain words (category, place, deadline, alliance, load). */
  reasons: string[];
}
export interface MatchSuggestions {
  need: NeedView;
  suggestions: MatchSuggestion[];
  rejected: Array<{ resourceId: string; resourceTitle: string; reason: string | null }>;
}

export interface Place {
  code: string;
  name: string;
  level: 'street' | 'community';
  parentCode: string | null;
}

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** A list import: all rows are written, or none and the row-level errors come back. */
export interface ListImportResult {
  created: number;
  errors: Array<{ row?: number; column?: string; message: string }>;
}

export interface AcceptResult {
  projectId: string;
  allocationIds: string[];
}

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;
const seg = encodeURIComponent;
const ifMatch = (etag: string) => ({ 'if-match': etag });

function versioned<T extends { version: number }>(r: { data: T; headers: Headers }): Versioned<T> {
  return { value: r.data, etag: r.headers.get('etag') ?? `"v${r.data.version}"` };
}

/** A bare array or `{ items }`: tolerate either shape for the small lookup lists. */
const itemsOf = <T>(d: T[] | { items: T[] }): T[] => (Array.isArray(d) ? d : (d?.items ?? []));

/**
 * Uploads an xlsx. The server answers `{ created, errors }`, or a 422 problem whose
 * `errors` carry row and column; both come back as a ListImportResult.
 */
async function importXlsx(path: string, query: Query, bytes: ArrayBuffer): Promise<ListImportResult> {
  try {
    const r = await api<Partial<ListImportResult>>('POST', path, { query, body: bytes, contentType: XLSX_TYPE });
    return { created: r.data?.created ?? 0, errors: r.data?.errors ?? [] };
  } catch (err) {
    if (err instanceof ApiError && err.status === 422 && err.problem.errors?.some((e: FieldError) => e.row !== undefined || e.column !== undefined)) {
      return { created: 0, errors: err.problem.errors.map((e) => ({ row: e.row, column: e.column, message: e.message })) };
    }
    throw err;
  }
}

export const categoryApi = {
  list: (tenant: string) => get<CategoryView[] | { items: CategoryView[] }>(t(tenant, '/list-categories')).then(itemsOf),
  create: (tenant: string, input: CategoryCreateInput) => api<CategoryView>('POST', t(tenant, '/list-categories'), { json: input }).then((r) => r.data),
  update: (tenant: string, id: string, version: number, input: CategoryUpdateInput) =>
    api<CategoryView>('PATCH', t(tenant, `/list-categories/${seg(id)}`), { json: input, headers: ifMatch(`"v${version}"`) }).then((r) => r.data),
};

export const placeApi = {
  list: (tenant: string) => get<Place[] | { items: Place[] }>(t(tenant, '/places')).then(itemsOf),
};

export const needApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) => get<ListPage<NeedView>>(t(tenant, '/needs'), query, signal),
  export: (tenant: string, query: Query) => download(t(tenant, '/needs/export'), query, '需求清单.xlsx'),
  template: (tenant: string) => download(t(tenant, '/needs/import-template'), undefined, '需求清单导入模板.xlsx'),
  import: (tenant: string, allianceId: string, bytes: ArrayBuffer) => importXlsx(t(tenant, '/needs/import'), { allianceId }, bytes),
  get: async (tenant: string, id: string) => versioned(await api<NeedView>('GET', t(tenant, `/needs/${seg(id)}`))),
  create: async (tenant: string, input: NeedCreateInput) => versioned(await api<NeedView>('POST', t(tenant, '/needs'), { json: input })),
  update: async (tenant: string, id: string, etag: string, input: NeedUpdateInput) =>
    versioned(await api<NeedView>('PATCH', t(tenant, `/needs/${seg(id)}`), { json: input, headers: ifMatch(etag) })),
  withdraw: async (tenant: string, id: string, etag: string, reason: string) =>
    versioned(await api<NeedView>('POST', t(tenant, `/needs/${seg(id)}/withdraw`), { json: { reason }, headers: ifMatch(etag) })),
  close: async (tenant: string, id: string, etag: string, reason: string) =>
    versioned(await api<NeedView>('POST', t(tenant, `/needs/${seg(id)}/close`), { json: { reason }, headers: ifMatch(etag) })),
  /** 逾期复核: a new deadline (not past) with the reason. */
  extend: async (tenant: string, id: string, etag: string, deadline: string, reason: string) =>
    versioned(await api<NeedView>('POST', t(tenant, `/needs/${seg(id)}/extend`), { json: { deadline, reason }, headers: ifMatch(etag) })),
  suggestions: (tenant: string, id: string, limit = 10) => get<MatchSuggestions>(t(tenant, `/needs/${seg(id)}/suggestions`), { limit }),
};

export const resourceApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) => get<ListPage<ResourceView>>(t(tenant, '/resources'), query, signal),
  export: (tenant: string, query: Query) => download(t(tenant, '/resources/export'), query, '资源清单.xlsx'),
  template: (tenant: string) => download(t(tenant, '/resources/import-template'), undefined, '资源清单导入模板.xlsx'),
  import: (tenant: string, allianceId: string, bytes: ArrayBuffer) => importXlsx(t(tenant, '/resources/import'), { allianceId }, bytes),
  get: async (tenant: string, id: string) => versioned(await api<ResourceView>('GET', t(tenant, `/resources/${seg(id)}`))),
  create: async (tenant: string, input: ResourceCreateInput) => versioned(await api<ResourceView>('POST', t(tenant, '/resources'), { json: input })),
  update: async (tenant: string, id: string, etag: string, input: ResourceUpdateInput) =>
    versioned(await api<ResourceView>('PATCH', t(tenant, `/resources/${seg(id)}`), { json: input, headers: ifMatch(etag) })),
  withdraw: async (tenant: string, id: string, etag: string, reason: string) =>
    versioned(await api<ResourceView>('POST', t(tenant, `/resources/${seg(id)}/withdraw`), { json: { reason }, headers: ifMatch(etag) })),
};

export const matchingApi = {
  assignment: (tenant: string, allianceId: string | null, includeOverdue = false) =>
    api<AssignmentView>('POST', t(tenant, '/matching/assignment'), { json: includeOverdue ? { allianceId, includeOverdue } : { allianceId } }).then((r) => r.data),
  accept: (tenant: string, input: AcceptMatchInput) => api<AcceptResult>('POST', t(tenant, '/matching/accept'), { json: input }).then((r) => r.data),
  reject: (tenant: string, input: RejectMatchInput) => api<unknown>('POST', t(tenant, '/matching/reject'), { json: input }).then(() => undefined),
  /**
   * Projects an accepted match may extend. Built by the project pages; until the
   * route exists (404/405) the matching page offers only a new project.
   */
  openProjects: async (tenant: string, allianceId: string): Promise<ProjectSummaryView[] | null> => {
    try {
      const page = await get<ListPage<ProjectSummaryView>>(t(tenant, '/projects'), { allianceId, status: 'proposed', limit: 50 });
      return page.items;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 405 || err.status === 501)) return null;
      throw err;
    }
  },
};
