import { AuditOutlined, CalendarOutlined, CarryOutOutlined, QrcodeOutlined } from '@ant-design/icons';
import { inCounty, type Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { preloadActivities } from './first-reads.ts';

const ActivitiesPage = lazyPage(() => import('./ActivitiesPage.tsx'), preloadActivities, { light: true });
const ActivityDetailPage = lazyPage(() => import('./ActivityDetailPage.tsx'));
const CompliancePage = lazyPage(() => import('./CompliancePage.tsx'));
const MyCheckinPage = lazyPage(() => import('./MyCheckinPage.tsx'));
const MyActivitiesPage = lazyPage(() => import('./MyActivitiesPage.tsx'));

/**
 * 联合体活动 (issue 11): activities by date with their QR codes, the yearly
 * quota table and plans; and the member's phone pages (签到, 我的活动).
 */
export const activities = {
  pages: [
    { path: 'activities', element: <ActivitiesPage /> },
    { path: 'activities/:id', element: <ActivityDetailPage /> },
    { path: 'activity-compliance', element: <CompliancePage /> },
    { path: 'my/checkin', element: <MyCheckinPage /> },
    { path: 'my/activities', element: <MyActivitiesPage /> },
  ],
  menu: {
    activities: { key: 'activities', icon: <CalendarOutlined />, label: '联合体活动', action: 'activity.read', shownIn: inCounty },
    compliance: { key: 'activity-compliance', icon: <AuditOutlined />, label: '活动考核', action: 'activity.read', shownIn: inCounty },
    // The member's pages, under 我的 (menu.tsx): keys are the paths they open.
    myActivities: { key: 'my/activities', icon: <CarryOutOutlined />, label: '我的活动', action: 'activity.checkin', shownIn: inCounty },
    checkin: { key: 'my/checkin', icon: <QrcodeOutlined />, label: '活动签到', action: 'activity.checkin', shownIn: inCounty },
  },
} satisfies Feature;
