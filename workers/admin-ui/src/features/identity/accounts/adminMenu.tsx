import { ApiOutlined, FundOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Tenant } from '../../../api/types.ts';
import { cityAdminTenant, mayManageAccounts, mayManageApiKeys } from '../../../shared/access.ts';

/** The sidebar entries for the administration pages this user may open in this tenant. */
export function adminMenuItems(tenant: Tenant | undefined, tenants: readonly Tenant[]): Array<{ key: string; icon: ReactNode; label: string }> {
  return [
    ...(cityAdminTenant(tenants) ? [{ key: 'city', icon: <FundOutlined />, label: '全市概况' }] : []),
    ...(mayManageAccounts(tenant) ? [{ key: 'accounts', icon: <TeamOutlined />, label: '账号管理' }] : []),
    ...(mayManageApiKeys(tenant) ? [{ key: 'api-keys', icon: <ApiOutlined />, label: '开放接口密钥' }] : []),
  ];
}
