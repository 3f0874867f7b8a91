import { prefetch } from '../../api/client.ts';
import type { PageAddress } from '../../layout/feature.ts';
import { fundsApi } from './api.ts';

/**
 * 经费保障's summary across alliances, read before the page is drawn (docs/adr/0031). At startup the
 * tenant's permissions are not known yet: a user who may not read the summary costs the server
 * one refused read, which the page never takes over.
 */
export function preloadFunds({ tenant }: PageAddress): void {
  prefetch(() => fundsApi.summary(tenant));
}
