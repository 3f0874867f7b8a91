import dayjs, { type Dayjs } from 'dayjs';
import type { Query } from '../../api/client.ts';
import { firstReads } from '../../lib/lazy-page.ts';
import { activitiesApi } from './api.ts';

// What 联合体活动 reads on opening (this month's activities, first page), shared by the page
// and its preload (docs/adr/0031).

export const activityMonthQuery = (month: Dayjs, kind: string | undefined, page: number): Query => ({
  from: month.startOf('month').format('YYYY-MM-DD'),
  to: month.endOf('month').format('YYYY-MM-DD'),
  kind,
  page,
  limit: 20,
});

export const preloadActivities = firstReads(({ tenant }) => [() => activitiesApi.list(tenant, activityMonthQuery(dayjs(), undefined, 1))]);
