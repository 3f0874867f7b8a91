import { ApartmentOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { preloadOrgs } from './first-reads.ts';

const OrgsPage = lazyPage(() => import('./OrgsPage.tsx'), preloadOrgs, { light: true });

/** 党组织管理: the county's (or the city's own) organization tree. */
export const registry = {
  pages: [{ path: 'orgs', element: <OrgsPage /> }],
  menu: {
    orgs: { key: 'orgs', icon: <ApartmentOutlined />, label: '党组织管理', action: 'org.read' },
  },
} satisfies Feature;
