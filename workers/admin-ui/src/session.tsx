import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authApi } from './api/endpoints.ts';
import { knownActions, tokenStore } from './api/client.ts';
import type { Me, Tenant } from './api/types.ts';

interface SessionValue {
  status: 'anonymous' | 'loading' | 'ready';
  me: Me | null;
  tenants: Tenant[];
  /** Resolves with the tenants the user may open. */
  login(username: string, password: string): Promise<Tenant[]>;
  logout(): Promise<void>;
  /**
   * Drops the local session without calling the server: 'refused' after a 401, 'chosen' when the
   * person ended it (a password change). Says how it ended, for the redirect to the login page.
   */
  forget(reason?: 'refused' | 'chosen'): SessionEnd;
  /** How the last session in this tab ended, until someone signs in; undefined if none ended here. */
  ended: SessionEnd | undefined;
}

/**
 * How a session ended. `who`: whose it was; the login page sends only that person back to the
 * page it ended on. `chosen`: the person signed out (or changed their password); there is no page
 * to go back to and nothing to warn about.
 */
export interface SessionEnd {
  who: string | undefined;
  chosen: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

const NOTICE_KEY = 'ronghe.loginNotice';
/**
 * A message for the next login page (e.g. after a password change). Kept
 * outside router state: ending the session also redirects to login, and
 * whichever redirect lands last would otherwise decide what the user reads.
 */
export const loginNotice = {
  set: (text: string) => sessionStorage.setItem(NOTICE_KEY, text),
  peek: () => sessionStorage.getItem(NOTICE_KEY),
  clear: () => sessionStorage.removeItem(NOTICE_KEY),
};

const LAST_TENANT_KEY = 'ronghe.lastTenant';
/** The tenant last used in this tab, and by whom: the next person on the tab starts from their own. */
export const lastTenant = {
  get(username: string | undefined): string | undefined {
    try {
      const last = JSON.parse(sessionStorage.getItem(LAST_TENANT_KEY) ?? 'null') as { who?: unknown; slug?: unknown } | null;
      return last && last.who === username && typeof last.slug === 'string' ? last.slug : undefined;
    } catch {
      return undefined; // written by an older build, or by hand: no usable memory
    }
  },
  set: (username: string, slug: string) => sessionStorage.setItem(LAST_TENANT_KEY, JSON.stringify({ who: username, slug })),
};

const OWNER_KEY = 'ronghe.sessionOwner';
/**
 * Whose token this tab holds, kept beside it: a token refused when the page is opened again says
 * nothing of whose it was, and the login page must not hand that person's page to the next one.
 */
const sessionOwner = {
  get: () => sessionStorage.getItem(OWNER_KEY) ?? undefined,
  set: (username: string) => sessionStorage.setItem(OWNER_KEY, username),
  clear: () => sessionStorage.removeItem(OWNER_KEY),
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionValue['status']>(tokenStore.get() ? 'loading' : 'anonymous');
  const [me, setMe] = useState<Me | null>(null);
  const [tenants, setTenants] = useState<Tenant[]>([]);

  const owner = useRef(tokenStore.get() ? sessionOwner.get() : undefined);
  // Several requests can be refused at once, each ending the session, and one may be refused while
  // the person signs out: every later ending must say the same as the first.
  const end = useRef<SessionEnd | undefined>(undefined);
  const leaving = useRef(false);
  const [ended, setEnded] = useState<SessionEnd | undefined>(undefined);

  const forget = useCallback((reason: 'refused' | 'chosen' = 'refused'): SessionEnd => {
    tokenStore.clear();
    knownActions.clear();
    const now: SessionEnd = {
      who: owner.current ?? end.current?.who,
      chosen: reason === 'chosen' || leaving.current || (end.current?.chosen ?? false),
    };
    owner.current = undefined;
    sessionOwner.clear();
    end.current = now;
    setEnded(now);
    setMe(null);
    setTenants([]);
    setStatus('anonymous');
    return now;
  }, []);

  const load = useCallback(async (): Promise<Tenant[]> => {
    setStatus('loading');
    try {
      const [m, ts] = await Promise.all([authApi.me(), authApi.tenants()]);
      owner.current = m.username;
      sessionOwner.set(m.username);
      end.current = undefined;
      leaving.current = false;
      setEnded(undefined);
      setMe(m);
      setTenants(ts);
      knownActions.set(ts);
      setStatus('ready');
      return ts;
    } catch (err) {
      forget();
      throw err;
    }
  }, [forget]);

  useEffect(() => {
    if (tokenStore.get()) load().catch(() => undefined);
  }, [load]);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await authApi.login(username, password);
      tokenStore.set(result.token);
      return load();
    },
    [load],
  );

  const logout = useCallback(async () => {
    leaving.current = true;
    try {
      await authApi.logout();
    } catch {
      // the session may already be gone server-side; leaving locally is what matters
    }
    forget('chosen');
  }, [forget]);

  const value = useMemo(
    () => ({ status, me, tenants, login, logout, forget, ended }),
    [status, me, tenants, login, logout, forget, ended],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** Where to land after login: the last tenant this person used in this tab, else their first writable one. */
export function defaultTenant(tenants: Tenant[], username: string | undefined): Tenant | undefined {
  const last = lastTenant.get(username);
  return tenants.find((t) => t.slug === last) ?? tenants.find((t) => !t.readOnly) ?? tenants[0];
}
