import { HomeOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { preloadable } from '../../lib/preloadable.tsx';
import { preloadWorkbench } from './first-reads.ts';
import { MenuCountBadge, MenuCountsProvider } from './MenuCounts.tsx';

const WorkbenchPage = lazyPage(() => import('./WorkbenchPage.tsx'), preloadWorkbench);
// The bell's popover list (antd List, Popover, Empty) loads with the layout, not with the login page (docs/adr/0031).
const HeaderBellChunk = preloadable(() => import('./HeaderBell.tsx').then((m) => m.HeaderBell));
function HeaderBell() {
  return (
    <Suspense fallback={null}>
      <HeaderBellChunk />
    </Suspense>
  );
}

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
