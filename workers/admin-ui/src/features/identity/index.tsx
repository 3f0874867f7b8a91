import { ApiOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Feature, Where } from '../../layout/feature.ts';
import { ToDefaultTenant } from '../../layout/ToDefaultTenant.tsx';
import { mayManageAccounts, mayManageApiKeys } from '../../shared/access.ts';

const LoginPage = lazy(() => import('./login/LoginPage.tsx'));
const ProfilePage = lazy(() => import('./profile/ProfilePage.tsx'));
const AccountsPage = lazy(() => import('./accounts/AccountsPage.tsx'));
const ApiKeysPage = lazy(() => import('./api-keys/ApiKeysPage.tsx'));

const managesAccounts = (where: Where) => mayManageAccounts(where.tenant);
const managesApiKeys = (where: Where) => mayManageApiKeys(where.tenant);

/** Signing in, one's own profile, and the administrators' accounts and public API keys. */
export const identity = {
  pages: [
    { path: 'profile', element: <ProfilePage /> },
    { path: 'accounts', element: <AccountsPage />, staysOnSwitch: managesAccounts },
    { path: 'api-keys', element: <ApiKeysPage />, staysOnSwitch: managesApiKeys },
  ],
  rootPages: [
    { path: '/login', element: <LoginPage />, signedIn: false },
    { path: '/profile', element: <ToDefaultTenant page="profile" />, signedIn: true },
  ],
  menu: {
    accounts: { key: 'accounts', icon: <TeamOutlined />, label: '账号管理', action: 'user.manage', shownIn: managesAccounts },
    apiKeys: { key: 'api-keys', icon: <ApiOutlined />, label: '开放接口密钥', action: 'api_key.manage', shownIn: managesApiKeys },
    profile: { key: 'profile', icon: <UserOutlined />, label: '个人中心' },
  },
} satisfies Feature;
