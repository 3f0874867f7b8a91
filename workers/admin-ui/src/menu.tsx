import type { MenuEntry } from './layout/feature.ts';
import { alliance } from './features/alliance/index.tsx';
import { audit } from './features/audit/index.tsx';
import { city } from './features/city/index.tsx';
import { events } from './features/events/index.tsx';
import { identity } from './features/identity/index.tsx';
import { lists } from './features/lists/index.tsx';
import { registry } from './features/registry/index.tsx';
import { workbench } from './features/workbench/index.tsx';
import { activities } from './features/activities/index.tsx';

/** The sidebar, top to bottom: each feature's entries where they belong (one line each). */
export const MENU: readonly MenuEntry[] = [
  workbench.menu.workbench,
  registry.menu.orgs,
  alliance.menu.alliances,
  lists.menu.lists,
  activities.menu.activities,
  activities.menu.compliance,
  activities.menu.checkin,
  alliance.menu.filings,
  alliance.menu.red,
  audit.menu.audit,
  events.menu.deadLetters,
  city.menu.city,
  identity.menu.accounts,
  identity.menu.apiKeys,
  identity.menu.profile,
];
