import { firstReads } from '../../lib/lazy-page.ts';
import { workbenchApi } from './api.ts';

/** How many messages the 工作台 lists at first. */
export const MESSAGE_PAGE = 20;

/** The 工作台's two reads (its figures and to-dos, the latest messages), started before the page is drawn (docs/adr/0031). */
export const preloadWorkbench = firstReads(({ tenant }) => [() => workbenchApi.get(tenant), () => workbenchApi.notifications(tenant, { limit: MESSAGE_PAGE })]);
