import type { PageAddress } from '../../layout/feature.ts';
import { firstReads } from '../../lib/lazy-page.ts';
import { fundsApi } from './api.ts';

const summaryFirst = firstReads(({ tenant }) => [() => fundsApi.summary(tenant)]);

/**
 * 经费保障's summary across alliances, read before the page is drawn (docs/adr/0031), for those who may
 * read it (`fund.summary`: the organization departments); the others pick one alliance's books. On a
 * reload the actions are those GET /tenants gave before it in this tab (api/client.ts knownActions), as
 * early-session.js reads them (src/early-reads.ts EARLY_READ_ACTIONS); none kept: the read is started.
 */
export const preloadFunds = (at: PageAddress) => {
  if (at.actions && !at.actions.includes('fund.summary')) return;
  summaryFirst(at);
};
