import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { cursorListQuery, firstReads } from '../../../lib/lazy-page.ts';

// What 党建联合体 reads on opening, shared by the page and its preload (docs/adr/0031).

export const ALLIANCE_FILTER_KEYS = ['q', 'type', 'model', 'status', 'committeeId', 'streetId', 'orgId'] as const;
export const allianceListQuery = cursorListQuery(20);

export const preloadAlliances = firstReads(ALLIANCE_FILTER_KEYS, ({ tenant, filters }) => [() => allianceApi.list(tenant, allianceListQuery(filters, null))]);
