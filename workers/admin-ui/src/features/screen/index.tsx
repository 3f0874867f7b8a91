import { DashboardOutlined } from '@ant-design/icons';
import { Navigate } from 'react-router-dom';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { useTenant } from '../../tenant.tsx';
import { screenAllowed } from './access.ts';

const ScreenPage = lazyPage(() => import('./ScreenPage.tsx'));

/** The sidebar entry opens the full-screen page, outside the sidebar layout. */
function ToScreen() {
  const { tenant } = useTenant();
  return <Navigate to={`/screen/${tenant.slug}`} replace />;
}

/** 数据大屏 (issue 13): the city's and each county's wall display of the rollup, full screen, without menu chrome. */
export const screen = {
  pages: [{ path: 'screen', element: <ToScreen />, staysOnSwitch: (next) => screenAllowed(next.tenant) }],
  rootPages: [{ path: '/screen/:tenant', element: <ScreenPage />, signedIn: true }],
  menu: {
    screen: { key: 'screen', icon: <DashboardOutlined />, label: '数据大屏', shownIn: (where) => screenAllowed(where.tenant) },
  },
} satisfies Feature;
