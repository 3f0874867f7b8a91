import { AuditOutlined, ClusterOutlined, FileDoneOutlined, FlagOutlined } from '@ant-design/icons';
import { inCounty, type Feature, type Where } from '../../layout/feature.ts';
import { FilingsMenuLabel } from './filings/FilingsMenuLabel.tsx';
import { CityFilingsMenuLabel } from './city-filings/CityFilingsMenuLabel.tsx';
import { cityAdminTenant } from '../../shared/access.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { preloadAlliances } from './alliances/first-reads.ts';

const AlliancesPage = lazyPage(() => import('./alliances/AlliancesPage.tsx'), preloadAlliances, { light: true });
const AllianceDetailPage = lazyPage(() => import('./alliances/AllianceDetailPage.tsx'));
const FilingsPage = lazyPage(() => import('./filings/FilingsPage.tsx'));
const RedPage = lazyPage(() => import('./red/RedPage.tsx'));
const CityFilingsPage = lazyPage(() => import('./city-filings/CityFilingsPage.tsx'));
const DocumentPrintPage = lazyPage(() => import('./alliances/DocumentPrintPage.tsx'));

const readsFilings = (where: Where) => where.perms.canReadFilings;

/** 党建联合体, their 备案 inbox and the 红色风景线/片区 built from them. */
export const alliance = {
  pages: [
    { path: 'alliances', element: <AlliancesPage />, staysOnSwitch: inCounty },
    { path: 'alliances/:id', element: <AllianceDetailPage />, staysOnSwitch: inCounty },
    { path: 'filings', element: <FilingsPage />, staysOnSwitch: readsFilings },
    { path: 'red', element: <RedPage />, staysOnSwitch: inCounty },
    // Issue 13: the city's inbox of every county's filings; not a page of one county.
    { path: 'city-filings', element: <CityFilingsPage />, staysOnSwitch: () => false },
  ],
  // A document's print view: a page of its own, without the sidebar, so the browser prints only the document.
  rootPages: [{ path: '/print/t/:tenant/alliances/:id/documents/:docId', element: <DocumentPrintPage />, signedIn: true }],
  menu: {
    alliances: { key: 'alliances', icon: <ClusterOutlined />, label: '党建联合体', action: 'alliance.read', shownIn: inCounty },
    filings: { key: 'filings', icon: <FileDoneOutlined />, label: <FilingsMenuLabel />, action: 'filing.read', shownIn: readsFilings },
    red: { key: 'red', icon: <FlagOutlined />, label: '红色风景线/片区', action: 'red.read', shownIn: inCounty },
    cityFilings: { key: 'city-filings', icon: <AuditOutlined />, label: <CityFilingsMenuLabel />, shownIn: (where) => !!cityAdminTenant(where.tenants) },
  },
} satisfies Feature;
