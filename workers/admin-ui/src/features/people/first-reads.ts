import { prefetch, type Query } from '../../api/client.ts';
import { peopleApi } from '../../api/people-endpoints.ts';
import type { PageAddress } from '../../layout/feature.ts';
import { readFilters, type UrlFilters } from '../../lib/useUrlFilters.ts';

// What 人员 reads on opening, shared by the page and its preload (docs/adr/0031):
// the preload's request is taken over by the page only if it is the same URL.

export const PEOPLE_FILTER_KEYS = ['q', 'kind', 'partyStanding', 'homeOrgId', 'subtree', 'inService', 'skill', 'status'] as const;
const PAGE_SIZE = 20;

export const peopleListQuery = (filters: UrlFilters<(typeof PEOPLE_FILTER_KEYS)[number]>, after: string | null): Query => ({
  ...filters,
  cursor: after ?? undefined,
  limit: PAGE_SIZE,
});

export function preloadPeople({ tenant, search }: PageAddress): void {
  prefetch(() => peopleApi.list(tenant, peopleListQuery(readFilters(search, PEOPLE_FILTER_KEYS), null)));
}
