import { BellOutlined, HomeOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { antIsland } from '../../lib/ant-island.tsx';
import { Button } from '../../light/Button.tsx';
import { preloadWorkbench } from './first-reads.ts';
import { MenuCountBadge, MenuCountsProvider } from './MenuCounts.tsx';

const WorkbenchPage = lazyPage(() => import('./WorkbenchPage.tsx'), preloadWorkbench, { light: true });
// The bell (antd's Popover, List, Badge) is an island: it loads once the page is on screen (docs/adr/0031),
// drawn as a plain bell until then.
const HeaderBellIsland = antIsland(() => import('./HeaderBell.tsx').then((m) => m.HeaderBell));
function HeaderBell() {
  return (
    <HeaderBellIsland
      placeholder={
        <Button type="text" aria-hidden>
          <BellOutlined style={{ fontSize: 18 }} />
        </Button>
      }
    />
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
