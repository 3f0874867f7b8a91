import { CloudDownloadOutlined, FundOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { cityAdminTenant } from '../../shared/access.ts';

const CityOverviewPage = lazyPage(() => import('./CityOverviewPage.tsx'));
const CityEntry = lazyPage(() => import('./CityEntry.tsx'));
const OpenDataPage = lazyPage(() => import('./OpenDataPage.tsx'));
const CityRollupPage = lazyPage(() => import('./CityRollupPage.tsx'));

/** 全市概况: the city administrator's rollup of every county. */
export const city = {
  // The rollup is not a page of a county: switching tenant leaves it.
  pages: [
    { path: 'city', element: <CityOverviewPage />, staysOnSwitch: () => false },
    // Issue 13: the rollup as open data, the city's.
    { path: 'open-data', element: <OpenDataPage />, staysOnSwitch: () => false },
    // Issue 13: the stored rollup with as-of and stale marks, and the drill-down to alliances.
    { path: 'city/rollup', element: <CityRollupPage />, staysOnSwitch: () => false },
  ],
  rootPages: [{ path: '/city', element: <CityEntry />, signedIn: true }],
  menu: {
    city: { key: 'city', icon: <FundOutlined />, label: '全市概况', shownIn: (where) => !!cityAdminTenant(where.tenants) },
    openData: { key: 'open-data', icon: <CloudDownloadOutlined />, label: '开放数据', shownIn: (where) => where.tenant.kind === 'city' && !!cityAdminTenant(where.tenants) },
    rollup: { key: 'city/rollup', icon: <FundOutlined />, label: '全市汇总', shownIn: (where) => !!cityAdminTenant(where.tenants) },
  },
} satisfies Feature;
