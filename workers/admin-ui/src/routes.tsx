import { App, Button, Result } from 'antd';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { onUnauthorized } from './api/client.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { FullPageSpin } from './lib/FullPageSpin.tsx';
import { defaultTenant, useSession } from './session.tsx';

const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const OrgsPage = lazy(() => import('./pages/orgs/OrgsPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const ProfilePage = lazy(() => import('./pages/ProfilePage.tsx'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage.tsx'));
const ApiKeysPage = lazy(() => import('./pages/api-keys/ApiKeysPage.tsx'));
const CityOverviewPage = lazy(() => import('./pages/city/CityOverviewPage.tsx'));
const CityEntry = lazy(() => import('./pages/city/CityEntry.tsx'));
const AlliancesPage = lazy(() => import('./pages/alliances/AlliancesPage.tsx'));
const AllianceDetailPage = lazy(() => import('./pages/alliances/AllianceDetailPage.tsx'));
const FilingsPage = lazy(() => import('./pages/filings/FilingsPage.tsx'));
const RedPage = lazy(() => import('./pages/red/RedPage.tsx'));
const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage.tsx'));
const ProjectDetailPage = lazy(() => import('./pages/projects/ProjectDetailPage.tsx'));
const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage.tsx'));
const NeedsPage = lazy(() => import('./pages/needs/NeedsPage.tsx'));
const ResourcesPage = lazy(() => import('./pages/resources/ResourcesPage.tsx'));
const MatchingPage = lazy(() => import('./pages/matching/MatchingPage.tsx'));
const CategoriesPage = lazy(() => import('./pages/categories/CategoriesPage.tsx'));
const WorkbenchPage = lazy(() => import('./features/workbench/WorkbenchPage.tsx'));

/** A 401 anywhere ends the session and returns to the login page, once. */
function UnauthorizedBridge() {
  const { forget } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const where = useRef(location);
  where.current = location;
  useEffect(() => {
    onUnauthorized(() => {
      forget();
      if (where.current.pathname === '/login') return;
      message.warning({ content: '登录已过期或已在别处退出，请重新登录', key: 'session-expired' });
      navigate('/login', { replace: true, state: { from: where.current } });
    });
    return () => onUnauthorized(null);
  }, [forget, navigate, message]);
  return null;
}

function RequireAuth() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location }} />;
  return <Outlet />;
}

function ToDefaultTenant({ page = 'workbench' }: { page?: string }) {
  const { tenants } = useSession();
  const t = defaultTenant(tenants);
  if (!t) {
    return <Result status="403" title="没有可访问的旗县区" subTitle="您的账号尚未被授予任何旗县区的角色，请联系组织部管理员。" />;
  }
  return <Navigate to={`/t/${t.slug}/${page}`} replace />;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

function TenantIndex() {
  const { tenant } = useParams();
  return <Navigate to={`/t/${tenant}/workbench`} replace />;
}

export function AppRoutes() {
  return (
    <>
      <UnauthorizedBridge />
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireAuth />}>
            <Route path="/" element={<ToDefaultTenant />} />
            <Route path="/profile" element={<ToDefaultTenant page="profile" />} />
            <Route path="/city" element={<CityEntry />} />
            <Route path="/t/:tenant" element={<AppLayout />}>
              <Route index element={<TenantIndex />} />
              <Route path="workbench" element={<WorkbenchPage />} />
              <Route path="orgs" element={<OrgsPage />} />
              <Route path="alliances" element={<AlliancesPage />} />
              <Route path="alliances/:id" element={<AllianceDetailPage />} />
              <Route path="filings" element={<FilingsPage />} />
              <Route path="red" element={<RedPage />} />
              <Route path="needs" element={<NeedsPage />} />
              <Route path="resources" element={<ResourcesPage />} />
              <Route path="matching" element={<MatchingPage />} />
              <Route path="categories" element={<CategoriesPage />} />
              <Route path="projects" element={<ProjectsPage />} />
              <Route path="projects/:id" element={<ProjectDetailPage />} />
              <Route path="supervision" element={<SupervisionPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="profile" element={<ProfilePage />} />
              <Route path="accounts" element={<AccountsPage />} />
              <Route path="api-keys" element={<ApiKeysPage />} />
              <Route path="city" element={<CityOverviewPage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </>
  );
}
