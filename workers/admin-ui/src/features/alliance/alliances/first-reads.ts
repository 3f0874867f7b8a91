import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { prefetch, type Query } from '../../../api/client.ts';
import type { PageAddress } from '../../../layout/feature.ts';
import { readFilters, type UrlFilters } from '../../../lib/useUrlFilters.ts';

// What 党建联合体 reads on opening, shared by the page and its preload (docs/adr/0031):
// the preload's request is taken over by the page only if it is the same URL.

export const ALLIANCE_FILTER_KEYS = ['q', 'type', 'model', 'status', 'committeeId', 'streetId', 'orgId'] as const;
const PAGE_SIZE = 20;

export const allianceListQuery = (filters: UrlFilters<(typeof ALLIANCE_FILTER_KEYS)[number]>, after: string | null): Query => ({
  ...filters,
  cursor: after ?? undefined,
  limit: PAGE_SIZE,
});

export function preloadAlliances({ tenant, search }: PageAddress): void {
  prefetch(() => allianceApi.list(tenant, allianceListQuery(readFilters(search, ALLIANCE_FILTER_KEYS), null)));
}
