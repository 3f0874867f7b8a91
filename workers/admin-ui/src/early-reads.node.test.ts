import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { openedAt, recordPreloads } from './lib/preload-test-stubs.ts';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DAY_TOKENS, EARLY_PAGE_MODULES, EARLY_READ_ACTIONS, EARLY_READS } from './early-reads.ts';
import type { PageAddress } from './layout/feature.ts';

// src/early-session.js starts EARLY_READS before the app's code runs; the page's own GET takes an
// answer over only when its URL is the same, character for character. Each page's preload (its
// first-reads.ts, itself tested against the page's query) is the reference here.
const urls = recordPreloads();

const PRELOADS: Record<string, () => Promise<(at: PageAddress) => void>> = {
  workbench: () => import('./features/workbench/first-reads.ts').then((m) => m.preloadWorkbench),
  orgs: () => import('./features/registry/first-reads.ts').then((m) => m.preloadOrgs),
  alliances: () => import('./features/alliance/alliances/first-reads.ts').then((m) => m.preloadAlliances),
  needs: () => import('./features/lists/first-reads.ts').then((m) => m.preloadNeeds),
  projects: () => import('./features/lists/first-reads.ts').then((m) => m.preloadProjects),
  supervision: () => import('./features/lists/first-reads.ts').then((m) => m.preloadSupervision),
  people: () => import('./features/people/first-reads.ts').then((m) => m.preloadPeople),
  funds: () => import('./features/funds/first-reads.ts').then((m) => m.preloadFunds),
  audit: () => import('./features/audit/first-reads.ts').then((m) => m.preloadAudit),
  activities: () => import('./features/activities/first-reads.ts').then((m) => m.preloadActivities),
};

/** A path as early-session.js sends it today: its day tokens filled in (here by dayjs, as the pages count days). */
const today = (path: string) =>
  path.replace('{monthStart}', dayjs().startOf('month').format('YYYY-MM-DD')).replace('{monthEnd}', dayjs().endOf('month').format('YYYY-MM-DD'));

describe('the reads started before the app runs (early-session.js)', () => {
  it('cover the ten main pages, 联合体活动 (this month) among them', () => {
    expect(Object.keys(EARLY_READS).sort()).toEqual(['activities', 'alliances', 'audit', 'funds', 'needs', 'orgs', 'people', 'projects', 'supervision', 'workbench']);
  });

  for (const [page, paths] of Object.entries(EARLY_READS)) {
    it(`${page}: the same URLs, in the same order, as the page's own preload at its plain address`, async () => {
      const preload = await PRELOADS[page]!();
      preload(openedAt(''));
      expect(urls()).toEqual(paths.map((p) => `/api/t/hongshan${today(p)}`));
    });
  }

  for (const [path, action] of Object.entries(EARLY_READ_ACTIONS)) {
    it(`${path}, which needs ${action}: skipped exactly where the page's preload skips it`, async () => {
      const page = Object.entries(EARLY_READS).find(([, paths]) => paths.includes(path))?.[0];
      expect(page, 'an early read of some page').toBeDefined();
      const preload = await PRELOADS[page!]!();
      const url = `/api/t/hongshan${today(path)}`;
      preload({ ...openedAt(''), actions: ['org.read'] });
      expect(urls()).not.toContain(url);
      preload({ ...openedAt(''), actions: [action] });
      expect(urls()).toContain(url);
    });
  }

  it('are written as the browser sends them: nothing a URL encoder would change', () => {
    // The recorder above decodes what it saw; a path that encodes to itself compares exactly.
    for (const path of Object.values(EARLY_READS).flat().map(today)) expect(encodeURI(path)).toBe(path);
  });

  it('name the day only by the tokens early-session.js fills in', () => {
    for (const path of Object.values(EARLY_READS).flat()) {
      const tokens = path.match(/\{[^}]*\}/g) ?? [];
      for (const t of tokens) expect(DAY_TOKENS).toContain(t);
    }
  });

  it('name each main page’s module as its feature routes it: the module its lazyPage imports for that path', () => {
    expect(Object.keys(EARLY_PAGE_MODULES).sort()).toEqual(Object.keys(EARLY_READS).sort());
    const src = dirname(new URL(import.meta.url).pathname);
    const FEATURE_INDEX = ['workbench', 'registry', 'alliance', 'lists', 'people', 'funds', 'audit', 'activities'].map((f) => join(src, 'features', f, 'index.tsx'));
    const routed: Record<string, string> = {};
    for (const file of FEATURE_INDEX) {
      const text = readFileSync(file, 'utf8');
      for (const [, path, component] of text.matchAll(/\{ path: '([a-z-]+)', element: <(\w+) /g)) {
        const imported = new RegExp(`const ${component} = lazyPage\\(\\(\\) => import\\('([^']+)'\\)`).exec(text)?.[1];
        if (imported) routed[path!] = relative(src, join(dirname(file), imported));
      }
    }
    for (const [page, module] of Object.entries(EARLY_PAGE_MODULES)) expect(routed[page], page).toBe(module);
  });
});
