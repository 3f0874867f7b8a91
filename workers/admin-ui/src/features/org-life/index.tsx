import { ScheduleOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const OrgLifePage = lazyPage(() => import('./OrgLifePage.tsx'));

/** 组织生活: branches' meetings, the county's standard frequencies and compliance. */
export const orgLife = {
  pages: [{ path: 'org-life', element: <OrgLifePage /> }],
  menu: {
    orgLife: { key: 'org-life', icon: <ScheduleOutlined />, label: '组织生活', action: 'org_life.read' },
  },
} satisfies Feature;
