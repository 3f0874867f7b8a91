import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from './api/endpoints.ts';
import { tokenStore } from './api/client.ts';
import type { Me, Tenant } from './api/types.ts';

interface SessionValue {
  status: 'anonymous' | 'loading' | 'ready';
  me: Me | null;
  tenants: Tenant[];
  /** Resolves with the tenants the user may open. */
  login(username: string, password: string): Promise<Tenant[]>;
  logout(): Promise<void>;
  /** Drops the local session without calling the server (after 401 or a password change). */
  forget(): void;
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
export const lastTenant = {
  get: () => sessionStorage.getItem(LAST_TENANT_KEY),
  set: (slug: string) => sessionStorage.setItem(LAST_TENANT_KEY, slug),
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionValue['status']>(tokenStore.get() ? 'loading' : 'anonymous');
  const [me, setMe] = useState<Me | null>(null);
  const [tenants, setTenants] = useState<Tenant[]>([]);

  const load = useCallback(async (): Promise<Tenant[]> => {
    setStatus('loading');
    try {
      const [m, ts] = await Promise.all([authApi.me(), authApi.tenants()]);
      setMe(m);
      setTenants(ts);
      setStatus('ready');
      return ts;
    } catch (err) {
      tokenStore.clear();
      setMe(null);
      setTenants([]);
      setStatus('anonymous');
      throw err;
    }
  }, []);

  useEffect(() => {
    if (tokenStore.get()) load().catch(() => undefined);
  }, [load]);

  const forget = useCallback(() => {
    tokenStore.clear();
    setMe(null);
    setTenants([]);
    setStatus('anonymous');
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await authApi.login(username, password);
      tokenStore.set(result.token);
      return load();
    },
    [load],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // the session may already be gone server-side; leaving locally is what matters
    }
    forget();
  }, [forget]);

  const value = useMemo(
    () => ({ status, me, tenants, login, logout, forget }),
    [status, me, tenants, login, logout, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** Where to land after login: the last tenant used in this tab, else the first writable one. */
export function defaultTenant(tenants: Tenant[]): Tenant | undefined {
  const last = lastTenant.get();
  return tenants.find((t) => t.slug === last) ?? tenants.find((t) => !t.readOnly) ?? tenants[0];
}
