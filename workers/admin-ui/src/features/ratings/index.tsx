import { AuditOutlined, StarOutlined } from '@ant-design/icons';
import { inCounty, type Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const RatingsPage = lazyPage(() => import('./RatingsPage.tsx'));
const MyRatingsPage = lazyPage(() => import('./MyRatingsPage.tsx'));
const MemberOrgRatingsPage = lazyPage(() => import('./MemberOrgRatingsPage.tsx'));
const PublicRatingPage = lazyPage(() => import('./PublicRatingPage.tsx'));

/**
 * 四评 (issue 12, lane raters): an assessment's ratings (the assessment page
 * embeds `RatingsPanel`), 我的评议 for a member's phone, and the residents'
 * public form reached by a QR code, outside the login.
 */
export const ratings = {
  pages: [
    { path: 'assessments/:id/ratings', element: <RatingsPage /> },
    { path: 'my-ratings', element: <MyRatingsPage /> },
    { path: 'member-org-ratings', element: <MemberOrgRatingsPage /> },
  ],
  rootPages: [{ path: '/rate/:token', element: <PublicRatingPage />, signedIn: false }],
  menu: {
    // A member organization's liaison answers for its organization (seed 003 mechanism 6).
    memberOrg: { key: 'member-org-ratings', icon: <AuditOutlined />, label: '成员单位评价', action: 'rating.member_org', shownIn: inCounty },
    myRatings: { key: 'my-ratings', icon: <StarOutlined />, label: '我的评议', action: 'rating.self', shownIn: (w) => w.tenant.roles.includes('member') },
  },
} satisfies Feature;
