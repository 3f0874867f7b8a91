import type { PageAddress } from '../../layout/feature.ts';
import { firstReads } from '../../lib/lazy-page.ts';
import { fundsApi } from './api.ts';

const summaryFirst = firstReads(({ tenant }) => [() => fundsApi.summary(tenant)]);

/**
 * 经费保障's summary across alliances, read before the page is drawn (docs/adr/0031), for those who may
 * read it (`fund.summary`: the organization departments); the others pick one alliance's books. At
 * startup the tenant's permissions are not known yet: there a user who may not read the summary costs
 * the server one refused read, which the page never takes over.
 */
export const preloadFunds = (at: PageAddress) => {
  if (at.actions && !at.actions.includes('fund.summary')) return;
  summaryFirst(at);
};
