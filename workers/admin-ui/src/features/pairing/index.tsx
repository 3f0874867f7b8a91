import { HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { inCounty, type Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

// Drawn without antd (src/light/, docs/adr/0031): its pickers, pagers and forms load after it.
const PairingPage = lazyPage(() => import('./PairingPage.tsx'), undefined, { light: true });
const MyReportsPage = lazyPage(() => import('./MyReportsPage.tsx'));

/** 双报到 (issue 11): the county's pairings, reports, 记实档案 and compliance; a member's own 我的报到. */
export const pairing = {
  pages: [
    { path: 'pairing', element: <PairingPage />, staysOnSwitch: inCounty },
    { path: 'my/reports', element: <MyReportsPage />, staysOnSwitch: inCounty },
  ],
  menu: {
    pairing: { key: 'pairing', icon: <TeamOutlined />, label: '双报到', action: 'pairing.read', shownIn: inCounty },
    myReports: { key: 'my/reports', icon: <HomeOutlined />, label: '我的报到', action: 'pairing.self', shownIn: inCounty },
  },
} satisfies Feature;
