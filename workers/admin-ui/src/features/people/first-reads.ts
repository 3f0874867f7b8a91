import { peopleApi } from '../../api/people-endpoints.ts';
import { cursorListQuery, firstReads } from '../../lib/lazy-page.ts';

// What 人员 reads on opening, shared by the page and its preload (docs/adr/0031).

export const PEOPLE_FILTER_KEYS = ['q', 'kind', 'partyStanding', 'homeOrgId', 'subtree', 'inService', 'skill', 'status'] as const;
export const peopleListQuery = cursorListQuery(20);

export const preloadPeople = firstReads(PEOPLE_FILTER_KEYS, ({ tenant, filters }) => [() => peopleApi.list(tenant, peopleListQuery(filters, null))]);
