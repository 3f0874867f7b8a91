import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { earlyAnswers, knownActions, onUnauthorized, tokenStore } from './api/client.ts';
import { alliance } from './features/alliance/index.tsx';
import { audit } from './features/audit/index.tsx';
import { city } from './features/city/index.tsx';
import { events } from './features/events/index.tsx';
import { webhooks } from './features/webhooks/index.tsx';
import { identity } from './features/identity/index.tsx';
import { lists } from './features/lists/index.tsx';
import { orgLife } from './features/org-life/index.tsx';
import { meetings } from './features/meetings/index.tsx';
import { people } from './features/people/index.tsx';
import { points } from './features/points/index.tsx';
import { pairing } from './features/pairing/index.tsx';
import { registry } from './features/registry/index.tsx';
import { workbench } from './features/workbench/index.tsx';
import { posts } from './features/posts/index.tsx';
import { activities } from './features/activities/index.tsx';
import { assessment } from './features/assessment/index.tsx';
import { ratings } from './features/ratings/index.tsx';
import { honours } from './features/honours/index.tsx';
import { funds } from './features/funds/index.tsx';
import { rewards } from './features/rewards/index.tsx';
import { screen } from './features/screen/index.tsx';
import { preloadAddress, type Feature } from './layout/feature.ts';
import type { LoginState } from './features/identity/login/return-path.ts';
import { homePageOf } from './layout/home.ts';
import { ToDefaultTenant } from './layout/ToDefaultTenant.tsx';
import { FullPageSpin } from './lib/FullPageSpin.tsx';
import { preloadable } from './lib/preloadable.tsx';
import { antIsland } from './lib/ant-island.tsx';
import { MENU } from './menu.tsx';
import { useSession } from './session.tsx';
import { useFeedback } from './lib/feedback.tsx';

/** Every capability's UI (features/<capability>/index.tsx); a new one is one line here and its entries in menu.tsx. */
const FEATURES: readonly Feature[] = [workbench, registry, alliance, lists, people, orgLife, meetings, points, posts, pairing, activities, assessment, ratings, honours, funds, rewards, audit, events, webhooks, city, screen, identity];

const TENANT_PAGES = FEATURES.flatMap((f) => f.pages ?? []);
const ROOT_PAGES = FEATURES.flatMap((f) => f.rootPages ?? []);
const HEADER = FEATURES.flatMap((f) => f.header ?? []);
const COUNTS = FEATURES.flatMap((f) => (f.menuCounts ? [f.menuCounts] : []));

// The sidebar layout and the 404 page load on demand, so the login page and the first
// paint do not wait for them (docs/adr/0031). The layout starts loading as soon as
// someone is (probably) signed in or the login page has been drawn.
const AppLayout = preloadable(() => import('./layout/AppLayout.tsx').then((m) => m.AppLayout));
const loadLayout = () => AppLayout.preload().catch(() => undefined); // drawing it reports a failed download
const NotFound = antIsland(() => import('./layout/NotFound.tsx').then((m) => m.default));

// A signed-in visitor opening an address (a bookmark, a reload): the layout, the page's chunk and
// the page's first reads start now, beside the session's own two reads, not after them
// (src/early-session.js may have started the reads earlier still). The layout is drawn once
// both chunks have run, in one pass with the page: drawing it earlier would suspend on the page
// and show a fallback, after which React holds the page's commit (see lib/preloadable.tsx). It
// also waits, a short while at most, for the page's first answers: the page is then drawn once,
// with its data (lib/useFirstAnswer.ts), not empty and again.
const FIRST_ANSWERS_WAIT_MS = 400;
// What GET /tenants said in this tab before the reload: a preload skips what the person would be refused.
const knownTenants = () => Object.entries(knownActions.get()).map(([slug, actions]) => ({ slug, actions: [...actions] }));
const opening = tokenStore.get()
  ? Promise.all([loadLayout(), preloadAddress(TENANT_PAGES, window.location.pathname, window.location.search, knownTenants())]).then(() => earlyAnswers(FIRST_ANSWERS_WAIT_MS))
  : undefined;
let opened = opening === undefined;
void opening?.then(() => (opened = true));

/**
 * Every later navigation to another page (a link, the login's redirect, back and forward) starts
 * that page's preload as it commits: before the page's own effects ask for the same reads, and
 * without waiting for its chunk. A new query string on the same page is the page's own business.
 */
function PreloadOnNavigate() {
  const { pathname, search } = useLocation();
  const { tenants } = useSession();
  const first = useRef(true);
  useLayoutEffect(() => {
    // The address the app opened on was preloaded at startup.
    if (first.current) {
      first.current = false;
      return;
    }
    preloadAddress(TENANT_PAGES, pathname, search, tenants);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new page preloads; `search` is read as it is then
  }, [pathname]);
  return null;
}

/** A 401 anywhere ends the session and returns to the login page, once. */
function UnauthorizedBridge() {
  const { forget } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = useFeedback();
  const where = useRef(location);
  where.current = location;
  useEffect(() => {
    onUnauthorized(() => {
      // Whose session ends: only they are brought back to this page after signing in (login/return-path.ts).
      // A person signing out is already on the way to the login page, with nothing to be warned of.
      const { who, chosen } = forget();
      if (chosen || where.current.pathname === '/login') return;
      message.warning({ content: '登录已过期或已在别处退出，请重新登录', key: 'session-expired' });
      navigate('/login', { replace: true, state: { from: where.current, who } satisfies LoginState });
    });
    return () => onUnauthorized(null);
  }, [forget, navigate, message]);
  return null;
}

/** Whether the startup's layout and page chunks have run (`opening` above); at once for a visitor who was not signed in. */
function useOpened(): boolean {
  const [done, setDone] = useState(opened);
  useEffect(() => {
    if (!done) void opening?.then(() => setDone(true));
  }, [done]);
  return done;
}

function RequireAuth() {
  const { status, ended } = useSession();
  const location = useLocation();
  const ready = useOpened();
  if (status !== 'anonymous') void loadLayout();
  if (status === 'loading' || (status === 'ready' && !ready)) return <FullPageSpin />;
  // This redirect and UnauthorizedBridge's both follow a session's end, in either order: both say whose it was.
  if (status === 'anonymous') {
    if (ended?.chosen) return <Navigate to="/login" replace />;
    return <Navigate to="/login" replace state={{ from: location, who: ended?.who } satisfies LoginState} />;
  }
  return <Outlet />;
}

function TenantIndex() {
  const { tenant } = useParams();
  const { tenants } = useSession();
  return <Navigate to={`/t/${tenant}/${homePageOf(tenants.find((t) => t.slug === tenant))}`} replace />;
}

export function AppRoutes() {
  useEffect(() => {
    // Once the first page is drawn, fetch the layout in the background (the user is typing a password).
    const t = setTimeout(() => void loadLayout(), 500);
    return () => clearTimeout(t);
  }, []);
  return (
    <>
      <UnauthorizedBridge />
      <PreloadOnNavigate />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          {ROOT_PAGES.filter((p) => !p.signedIn).map((p) => (
            <Route key={p.path} path={p.path} element={p.element} />
          ))}
          <Route element={<RequireAuth />}>
            <Route path="/" element={<ToDefaultTenant />} />
            {ROOT_PAGES.filter((p) => p.signedIn).map((p) => (
              <Route key={p.path} path={p.path} element={p.element} />
            ))}
            <Route path="/t/:tenant" element={<AppLayout pages={TENANT_PAGES} menu={MENU} header={HEADER} counts={COUNTS} />}>
              <Route index element={<TenantIndex />} />
              {TENANT_PAGES.map((p) => (
                <Route key={p.path} path={p.path} element={p.element} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </>
  );
}
