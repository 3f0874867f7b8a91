import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../layout/feature.ts';

const OrgsPage = lazy(() => import('./OrgsPage.tsx'));

/** 党组织管理: the county's (or the city's own) organization tree. */
export const registry = {
  pages: [{ path: 'orgs', element: <OrgsPage /> }],
  menu: {
    orgs: { key: 'orgs', icon: <ApartmentOutlined />, label: '党组织管理', action: 'org.read' },
  },
} satisfies Feature;
