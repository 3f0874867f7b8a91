import { StarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../layout/feature.ts';

const RatingsPage = lazy(() => import('./RatingsPage.tsx'));
const MyRatingsPage = lazy(() => import('./MyRatingsPage.tsx'));
const PublicRatingPage = lazy(() => import('./PublicRatingPage.tsx'));

/**
 * 四评 (issue 12, lane raters): an assessment's ratings (the assessment page
 * embeds `RatingsPanel`), 我的评议 for a member's phone, and the residents'
 * public form reached by a QR code, outside the login.
 */
export const ratings = {
  pages: [
    { path: 'assessments/:id/ratings', element: <RatingsPage /> },
    { path: 'my-ratings', element: <MyRatingsPage /> },
  ],
  rootPages: [{ path: '/rate/:token', element: <PublicRatingPage />, signedIn: false }],
  menu: {
    myRatings: { key: 'my-ratings', icon: <StarOutlined />, label: '我的评议', action: 'rating.self', shownIn: (w) => w.tenant.roles.includes('member') },
  },
} satisfies Feature;
