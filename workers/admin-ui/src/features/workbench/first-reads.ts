import { prefetch } from '../../api/client.ts';
import type { PageAddress } from '../../layout/feature.ts';
import { workbenchApi } from './api.ts';

/** How many messages the 工作台 lists at first. */
export const MESSAGE_PAGE = 20;

/** The 工作台's two reads (its figures and to-dos, the latest messages), started before the page is drawn (docs/adr/0031). */
export function preloadWorkbench({ tenant }: PageAddress): void {
  prefetch(
    () => workbenchApi.get(tenant),
    () => workbenchApi.notifications(tenant, { limit: MESSAGE_PAGE }),
  );
}
