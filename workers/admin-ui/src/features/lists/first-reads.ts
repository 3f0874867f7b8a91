import { prefetch, type Query } from '../../api/client.ts';
import { categoryApi, needApi } from '../../api/list-endpoints.ts';
import { projectApi, supervisionApi } from '../../api/project-endpoints.ts';
import { PROJECT_BOARD_STATUSES, type ProjectStatus } from '@ronghe/schema/enums';
import type { PageAddress } from '../../layout/feature.ts';
import { readFilters, type UrlFilters } from '../../lib/useUrlFilters.ts';

// What 需求清单, 项目清单 and 督办预警 read on opening, shared by the pages and their preloads
// (docs/adr/0031): a preload's request is taken over by the page only if it is the same URL.

export const NEED_FILTER_KEYS = ['q', 'allianceId', 'status', 'categoryId', 'source', 'urgency', 'overdue'] as const;
const NEED_PAGE_SIZE = 20;

export const needListQuery = (filters: UrlFilters<(typeof NEED_FILTER_KEYS)[number]>, after: string | null): Query => ({
  ...filters,
  cursor: after ?? undefined,
  limit: NEED_PAGE_SIZE,
});

export function preloadNeeds({ tenant, search }: PageAddress): void {
  prefetch(
    () => needApi.list(tenant, needListQuery(readFilters(search, NEED_FILTER_KEYS), null)),
    () => categoryApi.list(tenant),
  );
}

export const PROJECT_FILTER_KEYS = ['view', 'q', 'allianceId', 'status', 'warning', 'claimOrgId', 'overdue'] as const;
export type ProjectFilters = UrlFilters<(typeof PROJECT_FILTER_KEYS)[number]>;
/** The board's columns, in the order work moves; cancelled projects only behind the status filter. */
export const BOARD_STATUSES: readonly ProjectStatus[] = PROJECT_BOARD_STATUSES;
const PROJECT_PAGE_SIZE = 20;
const BOARD_PAGE = 12;

/** The query the API takes: everything but the page's own view switch. */
export const projectQueryOf = (f: ProjectFilters): Query => {
  const { view: _view, ...rest } = f;
  return rest;
};
export const projectTableQuery = (query: Query, after: string | null): Query => ({ ...query, cursor: after ?? undefined, limit: PROJECT_PAGE_SIZE });
export const boardColumnQuery = (query: Query, status: string, after: string | null): Query => ({ ...query, status, cursor: after ?? undefined, limit: BOARD_PAGE });
/** The whole board's first pages in one request (no status filter): the columns' statuses are the server's. */
export const boardQuery = (query: Query): Query => ({ ...query, limit: BOARD_PAGE });
/** The board's columns: a status filter narrows it to that one. */
export const boardColumns = (filters: ProjectFilters): readonly ProjectStatus[] => (filters.status ? [filters.status as ProjectStatus] : BOARD_STATUSES);

export function preloadProjects({ tenant, search }: PageAddress): void {
  const filters = readFilters(search, PROJECT_FILTER_KEYS);
  const query = projectQueryOf(filters);
  if (filters.view === 'table') prefetch(() => projectApi.list(tenant, projectTableQuery(query, null)));
  else if (filters.status) prefetch(() => projectApi.list(tenant, boardColumnQuery(query, filters.status!, null)));
  else prefetch(() => projectApi.board(tenant, boardQuery(query)));
}

export const SUPERVISION_FILTER_KEYS = ['allianceId', 'mine'] as const;
export const warningsQuery = (filters: UrlFilters<(typeof SUPERVISION_FILTER_KEYS)[number]>): Query => ({
  allianceId: filters.allianceId,
  mine: filters.mine === 'true' ? 'true' : undefined,
});

export function preloadSupervision({ tenant, search }: PageAddress): void {
  prefetch(() => supervisionApi.warnings(tenant, warningsQuery(readFilters(search, SUPERVISION_FILTER_KEYS))));
}
