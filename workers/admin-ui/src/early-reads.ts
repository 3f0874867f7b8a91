/**
 * The first reads of the main pages opened at their plain address (no filters in the query string),
 * by page path, as paths under /api/t/<tenant>. index.html carries this table (vite.config.ts) and
 * src/early-session.js starts these reads as soon as the page is parsed, beside the session's two,
 * not once the app's code has arrived and run; the page takes the answers over (docs/adr/0031).
 *
 * Each list is exactly what the page's own preload (its `first-reads.ts`) asks for that address:
 * early-reads.node.test.ts runs every preload and compares, so a page whose reads change fails the
 * tests until this table follows. A read missing here is only started later; a read here that the
 * page no longer makes would be a request nobody uses.
 *
 * A read that depends on the day names it with tokens, filled in by early-session.js from the browser's
 * clock as the page's own dayjs() would: `{monthStart}` and `{monthEnd}`, the first and last day of the
 * current month (YYYY-MM-DD). Opened just as a month turns, the two may disagree: the page then asks
 * again itself, one request wasted.
 */
export const EARLY_READS: Readonly<Record<string, readonly string[]>> = {
  workbench: ['/workbench', '/notifications?limit=20'],
  orgs: ['/orgs/tree', '/orgs?limit=20'],
  alliances: ['/alliances?limit=20'],
  needs: ['/needs?limit=20', '/list-categories'],
  projects: ['/projects/board?limit=12'],
  supervision: ['/supervision/warnings'],
  people: ['/people?limit=20'],
  funds: ['/funds/summary'],
  audit: ['/audit?limit=30'],
  activities: ['/activities?from={monthStart}&to={monthEnd}&page=1&limit=20'],
};

/**
 * The early reads that some roles are refused, with the action each needs (packages/identity's matrix):
 * early-session.js skips one when the person's actions in that tenant, as GET /tenants said before the
 * reload (api/client.ts knownActions), lack it, as the page's preload does inside the app. Without a
 * record of the actions (none kept in this tab) the read is started.
 */
export const EARLY_READ_ACTIONS: Readonly<Record<string, string>> = {
  '/funds/summary': 'fund.summary',
};

/**
 * The module of each main page, under src/ (what its feature's `lazyPage` imports for that path). The
 * build lists each page's files in index.html (vite.config.ts), and early-session.js starts the opened
 * page's files downloading beside the entry and the layout's, not once the entry has run and asked for
 * them. early-reads.node.test.ts compares this table with the features' own routes.
 */
export const EARLY_PAGE_MODULES: Readonly<Record<string, string>> = {
  workbench: 'features/workbench/WorkbenchPage.tsx',
  orgs: 'features/registry/OrgsPage.tsx',
  alliances: 'features/alliance/alliances/AlliancesPage.tsx',
  needs: 'features/lists/needs/NeedsPage.tsx',
  projects: 'features/lists/projects/ProjectsPage.tsx',
  supervision: 'features/lists/supervision/SupervisionPage.tsx',
  people: 'features/people/PeoplePage.tsx',
  funds: 'features/funds/FundsHomePage.tsx',
  audit: 'features/audit/AuditPage.tsx',
  activities: 'features/activities/ActivitiesPage.tsx',
};

/** The day tokens early-session.js fills in (see above). */
export const DAY_TOKENS = ['{monthStart}', '{monthEnd}'] as const;
