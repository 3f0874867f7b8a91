import { firstReads } from '../../lib/lazy-page.ts';
import { fundsApi } from './api.ts';

/**
 * 经费保障's summary across alliances, read before the page is drawn (docs/adr/0031). At startup the
 * tenant's permissions are not known yet: a user who may not read the summary costs the server
 * one refused read, which the page never takes over.
 */
export const preloadFunds = firstReads(({ tenant }) => [() => fundsApi.summary(tenant)]);
