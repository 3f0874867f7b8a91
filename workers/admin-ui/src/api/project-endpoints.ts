import type {
  ProjectAction,
  ProjectBoardView,
  ProjectCreateInput,
  ProjectDetailView,
  ProjectSummaryView,
  ProjectUpdateInput,
  WarningsView,
} from '@ronghe/schema';
import { api, download, get, type Query } from './client.ts';
import type { Versioned } from './endpoints.ts';

// 项目清单 and 督办 (issue 4). Types come from the shared zod schemas
// (schema/tenant/lists-schemas.ts), so the pages read exactly what the API promises.

export type ProjectSummary = ProjectSummaryView;
export type ProjectDetail = ProjectDetailView;
export type Milestone = ProjectDetail['milestones'][number];
export type Claim = ProjectDetail['claims'][number];
export type Allocation = ProjectDetail['allocations'][number];
export type ProjectNote = ProjectDetail['notes'][number];
export type Funding = ProjectDetail['funding'][number];
export type ProjectCan = ProjectDetail['can'];
export type ProjectBoard = ProjectBoardView;
export type Warnings = WarningsView;
export type OverdueNeed = Warnings['overdueNeeds'][number];
export type { ProjectAction, ProjectCreateInput, ProjectUpdateInput };

export interface ProjectPage {
  items: ProjectSummary[];
  nextCursor: string | null;
  total: number;
}

export interface MilestonePlanItem {
  id?: string;
  title: string;
  weight: number;
  dueOn?: string | null;
  progressPct?: number;
  note?: string | null;
}

export interface SupervisionRun {
  checked: number;
  red: number;
  yellow: number;
  escalated: number;
  onDate: string;
}

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;
const seg = encodeURIComponent;
const etagFor = (version: number) => `"v${version}"`;

function versioned(r: { data: ProjectDetail; headers: Headers }): Versioned<ProjectDetail> {
  // The fallback only matters if a proxy strips the header; the server's format is "v<version>".
  return { value: r.data, etag: r.headers.get('etag') ?? etagFor(r.data.version) };
}

/**
 * Writes under a project (milestones, claims, notes) may answer with the
 * project or with the sub-resource; either way the page needs the project and
 * its ETag afterwards.
 */
async function detailAfter(tenant: string, id: string, r: { data: unknown; headers: Headers }): Promise<Versioned<ProjectDetail>> {
  const d = r.data as Partial<ProjectDetail> | undefined;
  if (d && typeof d === 'object' && d.id === id && 'can' in d && 'milestones' in d) return versioned(r as { data: ProjectDetail; headers: Headers });
  return projectApi.get(tenant, id);
}

const write = (tenant: string, id: string, method: string, path: string, etag: string, json?: unknown) =>
  api(method, t(tenant, `/projects/${seg(id)}${path}`), { json: json ?? {}, headers: { 'if-match': etag } }).then((r) => detailAfter(tenant, id, r));

export const projectApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) => get<ProjectPage>(t(tenant, '/projects'), query, signal),
  /** The board's columns' first pages in one request; a column's next page is `list` with its status and cursor. */
  board: (tenant: string, query: Query, signal?: AbortSignal) => get<ProjectBoard>(t(tenant, '/projects/board'), query, signal),
  export: (tenant: string, query: Query) => download(t(tenant, '/projects/export'), query, '项目清单.xlsx'),
  get: async (tenant: string, id: string): Promise<Versioned<ProjectDetail>> => versioned(await api<ProjectDetail>('GET', t(tenant, `/projects/${seg(id)}`))),
  create: async (tenant: string, input: ProjectCreateInput): Promise<Versioned<ProjectDetail>> =>
    versioned(await api<ProjectDetail>('POST', t(tenant, '/projects'), { json: input })),
  update: (tenant: string, id: string, etag: string, input: ProjectUpdateInput) => write(tenant, id, 'PATCH', '', etag, input),
  planMilestones: (tenant: string, id: string, etag: string, milestones: MilestonePlanItem[]) => write(tenant, id, 'PUT', '/milestones', etag, { milestones }),
  progress: (tenant: string, id: string, etag: string, milestoneId: string, body: { progressPct: number; note?: string | null }) =>
    write(tenant, id, 'PATCH', `/milestones/${seg(milestoneId)}`, etag, body),
  claim: (tenant: string, id: string, etag: string, body: { orgId: string; note: string }) => write(tenant, id, 'POST', '/claims', etag, body),
  decideClaim: (tenant: string, id: string, etag: string, claimId: string, body: { decision: 'confirm' | 'decline'; note?: string | null }) =>
    write(tenant, id, 'POST', `/claims/${seg(claimId)}/decide`, etag, body),
  withdrawClaim: (tenant: string, id: string, etag: string, claimId: string) => write(tenant, id, 'POST', `/claims/${seg(claimId)}/withdraw`, etag),
  transition: (tenant: string, id: string, etag: string, action: ProjectAction, body: Record<string, unknown>) => write(tenant, id, 'POST', `/${action}`, etag, body),
  addNote: (tenant: string, id: string, etag: string, body: { kind: 'supervise' | 'reply'; body: string; replyToId?: string | null }) =>
    write(tenant, id, 'POST', '/notes', etag, body),
};

export const supervisionApi = {
  warnings: (tenant: string, query: Query, signal?: AbortSignal) => get<Warnings>(t(tenant, '/supervision/warnings'), query, signal),
  run: (tenant: string) => api<SupervisionRun>('POST', t(tenant, '/supervision/run'), { json: {} }).then((r) => r.data),
};
