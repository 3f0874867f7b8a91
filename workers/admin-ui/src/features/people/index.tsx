import { IdcardOutlined, SmileOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { inCounty, type Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { preloadPeople } from './first-reads.ts';

const PeoplePage = lazyPage(() => import('./PeoplePage.tsx'), preloadPeople, { light: true });
const MyPage = lazyPage(() => import('./MyPage.tsx'));

/** 人员 (the county's party members and volunteers) and the member's own 我的 page (issue 11). */
export const people = {
  pages: [
    { path: 'people', element: <PeoplePage />, staysOnSwitch: inCounty },
    { path: 'my', element: <MyPage />, staysOnSwitch: inCounty },
  ],
  menu: {
    // 党员与活动: the issue-11 group; menu.tsx puts the other features' pages beside 人员.
    group: { key: 'people-group', icon: <TeamOutlined />, label: '党员与活动' },
    people: { key: 'people', icon: <IdcardOutlined />, label: '人员', action: 'person.read', shownIn: inCounty },
    // 我的: a member's own pages, grouped the same way (menu.tsx); the first is their landing page (layout/home.ts).
    myGroup: { key: 'my-group', icon: <SmileOutlined />, label: '我的' },
    my: { key: 'my', icon: <UserOutlined />, label: '我的信息', action: 'my.read', shownIn: inCounty },
  },
} satisfies Feature;
