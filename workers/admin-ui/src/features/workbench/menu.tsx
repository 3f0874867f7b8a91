import { HomeOutlined } from '@ant-design/icons';
import { Badge, Space } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { onWorkbenchChanged, POLL_MS, workbenchApi } from './api.ts';

/** The 工作台's own menu entry, first in every tenant. */
export const workbenchMenuItem = { key: 'workbench', icon: <HomeOutlined />, label: '工作台' };

/** Which menu entry a kind of to-do is done under (备案 keeps its own unread badge). */
const MENU_OF: Record<string, string> = {
  'alliance.to_review': 'alliances',
  'alliance.adjustment_to_decide': 'alliances',
  'alliance.rectification_to_decide': 'alliances',
  'alliance.founding_documents_missing': 'alliances',
  'alliance.agreement_missing': 'alliances',
  'alliance.liaison_missing': 'alliances',
  'claim.to_confirm': 'projects',
  'project.to_accept': 'projects',
  'project.to_start': 'projects',
  'project.to_report': 'projects',
  'need.waiting_match': 'matching',
  'need.overdue': 'needs',
  'project.red_warning': 'supervision',
  'supervision.to_reply': 'supervision',
  'org.contacts_missing': 'orgs',
};

/**
 * To-do counts per menu entry (and the total on 工作台), fetched on entering a
 * section, every ~30 s and whenever the workbench says something changed.
 */
export function useMenuCounts(tenant: string | null, section: string | undefined): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    if (!tenant) {
      setCounts({});
      return;
    }
    let alive = true;
    const load = () =>
      workbenchApi
        .get(tenant)
        .then((w) => {
          if (!alive) return;
          const next: Record<string, number> = { workbench: w.todoCount };
          for (const t of w.todos) {
            const key = MENU_OF[t.kind];
            if (key) next[key] = (next[key] ?? 0) + t.count;
          }
          setCounts(next);
        })
        .catch(() => undefined); // counts are a hint; the page itself reports errors
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    const off = onWorkbenchChanged(() => void load());
    return () => {
      alive = false;
      window.clearInterval(timer);
      off();
    };
  }, [tenant, section]);
  return counts;
}

interface MenuItem {
  key: string;
  label: ReactNode;
  children?: MenuItem[];
  [k: string]: unknown;
}

/** The menu with each entry's count beside its label. */
export function decorateMenu<T extends MenuItem>(items: T[], counts: Record<string, number>): T[] {
  return items.map((item) => {
    const n = counts[item.key] ?? 0;
    const children = item.children ? decorateMenu(item.children, counts) : undefined;
    const label =
      n > 0 ? (
        <Space size={6}>
          <span>{item.label}</span>
          <Badge count={n} size="small" overflowCount={99} data-testid={`menu-count-${item.key}`} />
        </Space>
      ) : (
        item.label
      );
    return { ...item, label, ...(children ? { children } : {}) };
  });
}
