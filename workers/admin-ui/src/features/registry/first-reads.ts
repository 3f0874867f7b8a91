import { orgApi } from '../../api/endpoints.ts';
import { cursorListQuery, firstReads } from '../../lib/lazy-page.ts';

// What 党组织管理 reads on opening (the tree beside the list, the list's first page), shared by the
// page and its preload (docs/adr/0031).

export const ORG_FILTER_KEYS = ['q', 'kind', 'domain', 'qualityStatus', 'weakFlag', 'status', 'under'] as const;
export const orgListQuery = cursorListQuery(20);

export const preloadOrgs = firstReads(ORG_FILTER_KEYS, ({ tenant, filters }) => [() => orgApi.tree(tenant), () => orgApi.list(tenant, orgListQuery(filters, null))]);
