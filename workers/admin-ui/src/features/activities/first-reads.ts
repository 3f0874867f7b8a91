import dayjs, { type Dayjs } from 'dayjs';
import { prefetch, type Query } from '../../api/client.ts';
import type { PageAddress } from '../../layout/feature.ts';
import { activitiesApi } from './api.ts';

// What 联合体活动 reads on opening (this month's activities, first page), shared by the page
// and its preload (docs/adr/0031): the preload's request is taken over only if it is the same URL.

export const activityMonthQuery = (month: Dayjs, kind: string | undefined, page: number): Query => ({
  from: month.startOf('month').format('YYYY-MM-DD'),
  to: month.endOf('month').format('YYYY-MM-DD'),
  kind,
  page,
  limit: 20,
});

export function preloadActivities({ tenant }: PageAddress): void {
  prefetch(() => activitiesApi.list(tenant, activityMonthQuery(dayjs(), undefined, 1)));
}
