import type { Location } from 'react-router-dom';
import type { Tenant } from '../../../api/types.ts';

/** What the login page is told about where the visitor came from (routes.tsx puts it in the navigation's state). */
export interface LoginState {
  /** The page being opened when the session ended, or when a signed-out visitor opened it (a bookmark). */
  from?: Location;
  /** Whose session ended there; absent for a visitor who was not signed in. */
  who?: string;
}

/**
 * Back to the page the session ended on, but only for the person whose session it was (the tab may
 * be handed to someone else: a liaison signing in after a member would otherwise open the member's
 * 我的 page and be refused), and only inside a tenant this account may open. A signed-out visitor's
 * bookmark is anyone's to open. Otherwise the account's own home.
 */
export function returnPath(state: LoginState, username: string, tenants: readonly Tenant[]): string {
  const { from, who } = state;
  const slug = /^\/t\/([^/]+)\//.exec(from?.pathname ?? '')?.[1];
  if (!from || !slug || !tenants.some((t) => t.slug === slug)) return '/';
  if (who !== undefined && who !== username) return '/';
  return from.pathname + (from.search ?? '');
}
