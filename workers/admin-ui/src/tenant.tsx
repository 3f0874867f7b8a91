import { createContext, useContext } from 'react';
import type { Tenant } from './api/types.ts';
import type { Permissions } from './lib/permissions.ts';

export interface TenantValue {
  tenant: Tenant;
  perms: Permissions;
}

export const TenantContext = createContext<TenantValue | null>(null);

export function useTenant(): TenantValue {
  const v = useContext(TenantContext);
  if (!v) throw new Error('useTenant outside a tenant route');
  return v;
}
