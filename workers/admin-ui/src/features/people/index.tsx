import { IdcardOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { inCounty, type Feature } from '../../layout/feature.ts';

const PeoplePage = lazy(() => import('./PeoplePage.tsx'));
const MyPage = lazy(() => import('./MyPage.tsx'));

/** 人员 (the county's party members and volunteers) and the member's own 我的 page (issue 11). */
export const people = {
  pages: [
    { path: 'people', element: <PeoplePage />, staysOnSwitch: inCounty },
    { path: 'my', element: <MyPage />, staysOnSwitch: inCounty },
  ],
  menu: {
    // 党员与活动: the issue-11 group; other parts of the issue add their pages beside 人员.
    group: {
      key: 'people-group',
      icon: <TeamOutlined />,
      label: '党员与活动',
      action: 'person.read',
      shownIn: inCounty,
      children: [{ key: 'people', icon: <IdcardOutlined />, label: '人员', action: 'person.read' }],
    },
    my: { key: 'my', icon: <UserOutlined />, label: '我的', action: 'my.read', shownIn: inCounty },
  },
} satisfies Feature;
