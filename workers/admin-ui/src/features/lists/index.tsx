import { AlertOutlined, FileSearchOutlined, GiftOutlined, NodeIndexOutlined, ProjectOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { inCounty, type Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { preloadNeeds, preloadProjects, preloadSupervision } from './first-reads.ts';

const NeedsPage = lazyPage(() => import('./needs/NeedsPage.tsx'), preloadNeeds, { light: true });
const ResourcesPage = lazyPage(() => import('./resources/ResourcesPage.tsx'), undefined, { light: true });
const MatchingPage = lazyPage(() => import('./matching/MatchingPage.tsx'));
const CategoriesPage = lazyPage(() => import('./categories/CategoriesPage.tsx'));
const OverdueReviewPage = lazyPage(() => import('./needs/OverdueReviewPage.tsx'));
const ProjectsPage = lazyPage(() => import('./projects/ProjectsPage.tsx'), preloadProjects, { light: true });
const ProjectDetailPage = lazyPage(() => import('./projects/ProjectDetailPage.tsx'));
const SupervisionPage = lazyPage(() => import('./supervision/SupervisionPage.tsx'), preloadSupervision, { light: true });

/** 三张清单 (needs, resources, projects), their matching, categories and the supervision of projects. */
export const lists = {
  pages: [
    { path: 'needs', element: <NeedsPage />, staysOnSwitch: inCounty },
    // 逾期需求复核, reached from the needs page and the matching plan.
    { path: 'needs/overdue', element: <OverdueReviewPage />, staysOnSwitch: inCounty },
    { path: 'resources', element: <ResourcesPage />, staysOnSwitch: inCounty },
    { path: 'matching', element: <MatchingPage />, staysOnSwitch: inCounty },
    // Reached from the needs and resources pages, not from the sidebar.
    { path: 'categories', element: <CategoriesPage />, staysOnSwitch: inCounty },
    { path: 'projects', element: <ProjectsPage />, staysOnSwitch: inCounty },
    { path: 'projects/:id', element: <ProjectDetailPage />, staysOnSwitch: inCounty },
    { path: 'supervision', element: <SupervisionPage />, staysOnSwitch: inCounty },
  ],
  menu: {
    lists: {
      key: 'lists',
      icon: <UnorderedListOutlined />,
      label: '三张清单',
      action: 'list.read',
      shownIn: inCounty,
      children: [
        { key: 'needs', icon: <FileSearchOutlined />, label: '需求清单', action: 'list.read' },
        { key: 'resources', icon: <GiftOutlined />, label: '资源清单', action: 'list.read' },
        { key: 'matching', icon: <NodeIndexOutlined />, label: '需求对接', action: 'match.run' },
        { key: 'projects', icon: <ProjectOutlined />, label: '项目清单', action: 'list.read' },
        { key: 'supervision', icon: <AlertOutlined />, label: '督办预警', action: 'list.read' },
      ],
    },
  },
} satisfies Feature;
