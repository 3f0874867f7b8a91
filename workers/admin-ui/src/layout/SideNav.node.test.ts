import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MenuEntry, Where } from './feature.ts';
import { SideNav } from './SideNav.tsx';

// A county administrator's sidebar, written by hand: two pages, a group of two, and one entry
// whose action the tenant's matrix does not grant (it must not show).
const where = { tenant: { slug: 'hongshan', kind: 'county', actions: ['org.read', 'need.read', 'project.read'] } } as unknown as Where;
const entries: MenuEntry[] = [
  { key: 'workbench', icon: null, label: '工作台' },
  { key: 'orgs', icon: null, label: '党组织管理', action: 'org.read' },
  {
    key: 'lists',
    icon: null,
    label: '三张清单',
    children: [
      { key: 'needs', icon: null, label: '需求清单', action: 'need.read' },
      { key: 'projects', icon: null, label: '项目清单', action: 'project.read' },
    ],
  },
  { key: 'audit', icon: null, label: '审计日志', action: 'audit.read' },
];

const draw = (selected: string, collapsed = false) =>
  renderToString(
    createElement(SideNav, { entries, where, selected, collapsed, counts: [], hrefOf: (key: string) => `/t/hongshan/${key}`, onOpen: () => undefined }),
  );
/** Each menu item's opening tag, in order. */
const items = (html: string) => [...html.matchAll(/<(a|button)[^>]*role="menuitem"[^>]*>/g)].map((m) => m[0]);

describe('SideNav (layout/SideNav.tsx)', () => {
  it('lists the pages this role may open as links, the group open, the current page marked', () => {
    const html = draw('needs');
    const found = items(html);
    // 工作台, 党组织管理, the 三张清单 heading, 需求清单, 项目清单 — no 审计日志 (not granted).
    expect(found).toHaveLength(5);
    expect(html).not.toContain('审计日志');
    expect(found.filter((t) => t.startsWith('<a')).map((t) => /href="([^"]+)"/.exec(t)![1])).toEqual([
      '/t/hongshan/workbench',
      '/t/hongshan/orgs',
      '/t/hongshan/needs',
      '/t/hongshan/projects',
    ]);
    const heading = found.find((t) => t.startsWith('<button'))!;
    expect(heading).toContain('aria-expanded="true"');
    expect(found.filter((t) => t.includes('aria-current="page"'))).toEqual([found[3]]);
  });

  it('folded to icons, a group is its pages, and every page keeps its name for screen readers', () => {
    const html = draw('orgs', true);
    const found = items(html);
    expect(found.every((t) => t.startsWith('<a'))).toBe(true);
    expect(found).toHaveLength(4);
    for (const name of ['工作台', '党组织管理', '需求清单', '项目清单']) expect(html).toContain(`title="${name}"`);
    expect(html).toContain('side-nav-collapsed');
  });
});
