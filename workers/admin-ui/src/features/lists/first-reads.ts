import type { Query } from '../../api/client.ts';
import { categoryApi, needApi } from '../../api/list-endpoints.ts';
import { projectApi, supervisionApi } from '../../api/project-endpoints.ts';
import { cursorListQuery, firstReads } from '../../lib/lazy-page.ts';
import type { UrlFilters } from '../../lib/useUrlFilters.ts';

// What 需求清单, 项目清单 and 督办预警 read on opening, shared by the pages and their preloads
// (docs/adr/0031).

export const NEED_FILTER_KEYS = ['q', 'allianceId', 'status', 'categoryId', 'source', 'urgency', 'overdue'] as const;
export const needListQuery = cursorListQuery(20);

export const preloadNeeds = firstReads(NEED_FILTER_KEYS, ({ tenant, filters }) => [() => needApi.list(tenant, needListQuery(filters, null)), () => categoryApi.list(tenant)]);

export const PROJECT_FILTER_KEYS = ['view', 'q', 'allianceId', 'status', 'warning', 'claimOrgId', 'overdue'] as const;
export type ProjectFilters = UrlFilters<(typeof PROJECT_FILTER_KEYS)[number]>;
const PROJECT_PAGE_SIZE = 20;
const BOARD_PAGE = 12;

/** The query the API takes: everything but the page's own view switch. */
export const projectQueryOf = (f: ProjectFilters): Query => {
  const { view: _view, ...rest } = f;
  return rest;
};
export const projectTableQuery = (query: Query, after: string | null): Query => ({ ...query, cursor: after ?? undefined, limit: PROJECT_PAGE_SIZE });
export const boardColumnQuery = (query: Query, status: string, after: string | null): Query => ({ ...query, status, cursor: after ?? undefined, limit: BOARD_PAGE });
/** The whole board's first pages in one request (no status filter). */
export const boardQuery = (query: Query): Query => ({ ...query, limit: BOARD_PAGE });

export const preloadProjects = firstReads(PROJECT_FILTER_KEYS, ({ tenant, filters }) => {
  const query = projectQueryOf(filters);
  if (filters.view === 'table') return [() => projectApi.list(tenant, projectTableQuery(query, null))];
  // The whole board in one request; a status filter narrows it to that column's list.
  if (filters.status) return [() => projectApi.list(tenant, boardColumnQuery(query, filters.status!, null))];
  return [() => projectApi.board(tenant, boardQuery(query))];
});

export const SUPERVISION_FILTER_KEYS = ['allianceId', 'mine'] as const;
export const warningsQuery = (filters: UrlFilters<(typeof SUPERVISION_FILTER_KEYS)[number]>): Query => ({
  allianceId: filters.allianceId,
  mine: filters.mine === 'true' ? 'true' : undefined,
});

export const preloadSupervision = firstReads(SUPERVISION_FILTER_KEYS, ({ tenant, filters }) => [() => supervisionApi.warnings(tenant, warningsQuery(filters))]);
