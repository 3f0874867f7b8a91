import { TrophyOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const RoundsPage = lazyPage(() => import('./RoundsPage.tsx'));
const RoundPage = lazyPage(() => import('./RoundPage.tsx'));

/**
 * 以奖代补 (issue 12): reward rounds by year; a draft's settings, simulation
 * with explanations and differences, publishing; the published table with its
 * payments, corrections and the signed A4 export.
 */
export const rewards = {
  pages: [
    { path: 'rewards', element: <RoundsPage /> },
    { path: 'rewards/new', element: <RoundPage /> },
    { path: 'rewards/:roundId', element: <RoundPage /> },
  ],
  menu: {
    rewards: { key: 'rewards', icon: <TrophyOutlined />, label: '以奖代补', action: 'reward.read' },
  },
} satisfies Feature;
