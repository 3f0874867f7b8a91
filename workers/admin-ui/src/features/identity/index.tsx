import { ApiOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Feature, Where } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';
import { ToDefaultTenant } from '../../layout/ToDefaultTenant.tsx';
import { mayManageAccounts, mayManageApiKeys } from '../../shared/access.ts';

const LoginPage = lazyPage(() => import('./login/LoginPage.tsx'));
const ProfilePage = lazyPage(() => import('./profile/ProfilePage.tsx'));
const AccountsPage = lazyPage(() => import('./accounts/AccountsPage.tsx'));
const ApiKeysPage = lazyPage(() => import('./api-keys/ApiKeysPage.tsx'));

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
