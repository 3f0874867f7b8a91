import { TrophyOutlined, UserOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const PointsPage = lazyPage(() => import('./PointsPage.tsx'), undefined, { light: true });
const MyPointsPage = lazyPage(() => import('./MyPointsPage.tsx'));

/**
 * 积分 (issue 11): leaderboards, the ledger with hand awards and corrections,
 * the rules with their versions; and 我的积分, the member's phone page.
 */
export const points = {
  pages: [
    { path: 'points', element: <PointsPage /> },
    { path: 'my-points', element: <MyPointsPage /> },
  ],
  menu: {
    points: { key: 'points', icon: <TrophyOutlined />, label: '积分', action: 'points.read' },
    // Only a member signs in as a person of the registry.
    myPoints: { key: 'my-points', icon: <UserOutlined />, label: '我的积分', action: 'points.read', shownIn: (w) => w.tenant.roles.includes('member') },
  },
} satisfies Feature;
