import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature } from '../../layout/feature.ts';
import { HeaderBell } from './HeaderBell.tsx';
import { MenuCountBadge, MenuCountsProvider } from './MenuCounts.tsx';

const WorkbenchPage = lazy(() => import('./WorkbenchPage.tsx'));

/**
 * 工作台 (issue 9 §3): every role's landing page (HOME_PAGE), the bell with the
 * unread messages in the header, and the to-do counts beside the sidebar entries
 * where the to-dos are done.
 */
export const workbench = {
  pages: [{ path: 'workbench', element: <WorkbenchPage /> }],
  menu: {
    workbench: { key: 'workbench', icon: <HomeOutlined />, label: '工作台', action: 'workbench.read' },
  },
  header: [HeaderBell],
  menuCounts: { Provider: MenuCountsProvider, Badge: MenuCountBadge },
} satisfies Feature;
