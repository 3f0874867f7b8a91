import { Badge } from '../../light/Badge.tsx';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { afterPageReads } from '../../api/client.ts';
import { useTenant } from '../../tenant.tsx';
import { onWorkbenchChanged, POLL_MS, workbenchApi } from './api.ts';

/**
 * Which sidebar entry a kind of to-do is done under. 备案 keeps its own unread
 * badge; a kind missing here counts on the 工作台 only.
 */
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
  'activity.quota_behind': 'activity-compliance',
  'activity.quota_at_risk': 'activity-compliance',
  'meeting.decision_due_soon': 'meetings',
  'meeting.decision_overdue': 'meetings',
  'meeting.decision_escalated': 'meetings',
  'org_life.behind': 'org-life',
  'pairing.members_unreported': 'pairing',
  'pairing.orgs_unpaired': 'pairing',
};

const Counts = createContext<Readonly<Record<string, number>>>({});

/**
 * Loads the to-do counts once for the whole sidebar (and the total on 工作台) from the light
 * GET /workbench/counts (not the whole 工作台 with its figures): on entering a section,
 * every ~30 s and whenever the workbench says something changed.
 */
export function MenuCountsProvider({ children }: { children: ReactNode }) {
  const { tenant } = useTenant();
  const section = useLocation().pathname.split('/')[3];
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    let alive = true;
    // A hint: it lets the page's own reads go first (api/client.ts).
    const load = () =>
      afterPageReads(() => workbenchApi.counts(tenant.slug))
        .then((w) => {
          if (!alive) return;
          const next: Record<string, number> = { workbench: w.todoCount };
          for (const [kind, count] of Object.entries(w.byKind)) {
            const key = MENU_OF[kind];
            if (key) next[key] = (next[key] ?? 0) + count;
          }
          setCounts(next);
        })
        .catch(() => undefined); // counts are a hint; the 工作台 itself reports errors
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    const off = onWorkbenchChanged(() => void load());
    return () => {
      alive = false;
      window.clearInterval(timer);
      off();
    };
  }, [tenant.slug, section]);
  return <Counts.Provider value={counts}>{children}</Counts.Provider>;
}

/** The count beside one sidebar entry; nothing when nothing waits there. */
export function MenuCountBadge({ entry }: { entry: string }) {
  const n = useContext(Counts)[entry] ?? 0;
  if (n <= 0) return null;
  return (
    <span style={{ marginInlineStart: 6 }}>
      <Badge count={n} size="small" overflowCount={99} data-testid={`menu-count-${entry}`} />
    </span>
  );
}
