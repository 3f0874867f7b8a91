import type { MenuEntry } from './layout/feature.ts';
import { alliance } from './features/alliance/index.tsx';
import { audit } from './features/audit/index.tsx';
import { city } from './features/city/index.tsx';
import { events } from './features/events/index.tsx';
import { identity } from './features/identity/index.tsx';
import { lists } from './features/lists/index.tsx';
import { people } from './features/people/index.tsx';
import { points } from './features/points/index.tsx';
import { pairing } from './features/pairing/index.tsx';
import { registry } from './features/registry/index.tsx';
import { workbench } from './features/workbench/index.tsx';
import { orgLife } from './features/org-life/index.tsx';
import { meetings } from './features/meetings/index.tsx';
import { posts } from './features/posts/index.tsx';
import { activities } from './features/activities/index.tsx';

/** The sidebar, top to bottom: each feature's entries where they belong (one line each). */
export const MENU: readonly MenuEntry[] = [
  workbench.menu.workbench,
  registry.menu.orgs,
  alliance.menu.alliances,
  lists.menu.lists,
  // Issue 11: branch organizational life and joint meetings.
  orgLife.menu.orgLife,
  meetings.menu.meetings,
  people.menu.group,
  people.menu.my,
  activities.menu.activities,
  activities.menu.compliance,
  activities.menu.checkin,
  alliance.menu.filings,
  alliance.menu.red,
  points.menu.points,
  points.menu.myPoints,
  posts.menu.posts,
  posts.menu.myPosts,
  pairing.menu.pairing,
  pairing.menu.myReports,
  audit.menu.audit,
  events.menu.deadLetters,
  city.menu.city,
  identity.menu.accounts,
  identity.menu.apiKeys,
  identity.menu.profile,
];
