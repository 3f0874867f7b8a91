import { prefetch, type Query } from '../../api/client.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { PageAddress } from '../../layout/feature.ts';
import { readFilters, type UrlFilters } from '../../lib/useUrlFilters.ts';

// What 党组织管理 reads on opening, shared by the page and its preload (docs/adr/0031):
// the preload's requests are taken over by the page only if they are the same URLs.

export const ORG_FILTER_KEYS = ['q', 'kind', 'domain', 'qualityStatus', 'weakFlag', 'status', 'under'] as const;
const PAGE_SIZE = 20;

export const orgListQuery = (filters: UrlFilters<(typeof ORG_FILTER_KEYS)[number]>, after: string | null): Query => ({
  ...filters,
  cursor: after ?? undefined,
  limit: PAGE_SIZE,
});

export function preloadOrgs({ tenant, search }: PageAddress): void {
  prefetch(
    () => orgApi.tree(tenant),
    () => orgApi.list(tenant, orgListQuery(readFilters(search, ORG_FILTER_KEYS), null)),
  );
}
