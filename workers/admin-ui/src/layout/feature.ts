import type { ComponentType, ReactElement, ReactNode } from 'react';
import { matchPath } from 'react-router-dom';
import type { Me, Tenant } from '../api/types.ts';
import type { Permissions } from '../lib/permissions.ts';

// What a capability's UI hands the app (features/<capability>/index.tsx):
// its pages, its sidebar entries and what it puts in the header. The app
// composes them in two lists only: FEATURES in routes.tsx and MENU in menu.tsx.
// Nothing here decides who may do what — the server does; these predicates
// only decide what to show, as lib/permissions.ts does for buttons.

/** Where the user stands: the tenant in view, every tenant they may open, who they are. */
export interface Where {
  tenant: Tenant;
  tenants: readonly Tenant[];
  me: Me | null;
  perms: Permissions;
}

/** A page under /t/:tenant/, inside the sidebar layout. */
export interface TenantPage {
  /** Relative to /t/:tenant/ ('alliances', 'alliances/:id'); its first segment is the sidebar key. */
  path: string;
  /**
   * Usually a `lazyPage` (lib/lazy-page.ts), whose `preload` starts what the page needs before it is
   * drawn (docs/adr/0031): its chunk and, inside api/client.ts's `prefetch`, the same first reads the
   * page makes on mount. `preloadAddress` calls it at startup when the address is this page and on a
   * sidebar click, so the chunk, the page's data, the session and the layout load side by side.
   */
  element: ReactElement;
  /**
   * Whether the page stays open when the user switches to another tenant (default: yes);
   * otherwise the switch lands on HOME_PAGE. A page that only exists in counties says so here.
   */
  staysOnSwitch?: (next: Where) => boolean;
}

/** What a preload knows: the tenant and the query string of the address being opened. */
export interface PageAddress {
  tenant: string;
  search: URLSearchParams;
  /**
   * What the person may do in that tenant (`GET /tenants`), when known: inside the app, not at startup,
   * where the preload runs beside the session's own reads. A preload skips a read it would be refused.
   */
  actions?: readonly string[];
}

/** A page outside any tenant (/login, /city): `signedIn` ones sit behind the login. */
export interface RootPage {
  path: string;
  element: ReactElement;
  signedIn: boolean;
}

/** One sidebar entry; `key` is the first path segment it opens under /t/:tenant/. */
export interface MenuEntry {
  key: string;
  icon: ReactNode;
  /** Text, or a component when the entry counts something (the unread 备案). */
  label: ReactNode;
  /**
   * The server action the page needs (packages/identity/src/access.ts): the entry is shown only
   * where the user's roles may attempt it, as GET /tenants reports from the same matrix the API
   * authorizes with — so 需求对接 is not offered to a role the server would answer 无权.
   */
  action?: string;
  /** Shown to this user in this tenant (default: always), beside `action`: what the matrix cannot say (county or city tenant). */
  shownIn?: (where: Where) => boolean;
  /** A group (三张清单): opens by default, its children are the pages. */
  children?: readonly MenuEntry[];
}

/**
 * Counts one feature shows beside other features' sidebar entries (the 工作台's to-dos beside
 * 党建联合体, 项目 …) without importing them: `Provider` wraps the sidebar once and loads the
 * counts (inside the tenant context: `useTenant()` works), `Badge` is drawn after every entry's
 * label with that entry's key and draws nothing where there is nothing to count.
 */
export interface MenuCounts {
  Provider: ComponentType<{ children: ReactNode }>;
  Badge: ComponentType<{ entry: string }>;
}

export interface Feature {
  pages?: readonly TenantPage[];
  rootPages?: readonly RootPage[];
  /** Named so menu.tsx can place each entry where it belongs in the sidebar. */
  menu?: Readonly<Record<string, MenuEntry>>;
  /**
   * Rendered in the header next to the user menu, in FEATURES order (e.g. an unread-messages
   * badge). Inside the tenant context: `useTenant()` works. Keep it small: the header must fit 390 px.
   */
  header?: readonly ComponentType[];
  menuCounts?: MenuCounts;
}

/** Whether the entry is for this user here: its action in the tenant's matrix answer, and its own predicate. */
export const entryShown = (e: MenuEntry, where: Where) =>
  (e.action === undefined || where.tenant.actions.includes(e.action)) && (e.shownIn?.(where) ?? true);

/** Alliances, the three lists and red routes live in the counties; the city reads them by switching into one. */
export const inCounty = (where: Where) => where.tenant.kind === 'county';

/** What a `lazyPage` element carries: how to start its page (see TenantPage.element). */
type Preloading = { preload?: (at: PageAddress) => Promise<unknown> };

/**
 * Starts the preload of the tenant page at `pathname` (/t/:tenant/...), if it has one; resolves
 * when the page's code has run (or failed to load), at once for an address that is not a page's.
 */
export function preloadAddress(pages: readonly TenantPage[], pathname: string, search: string, tenants: readonly Pick<Tenant, 'slug' | 'actions'>[] = []): Promise<unknown> {
  const m = /^\/t\/([^/]+)\/(.+)$/.exec(pathname);
  if (!m) return Promise.resolve();
  const page = pages.find((p) => matchPath(`/${p.path}`, `/${m[2]}`));
  const preload = (page?.element.type as Preloading | undefined)?.preload;
  const tenant = decodeURIComponent(m[1]!);
  return preload?.({ tenant, search: new URLSearchParams(search), actions: tenants.find((t) => t.slug === tenant)?.actions }) ?? Promise.resolve();
}
