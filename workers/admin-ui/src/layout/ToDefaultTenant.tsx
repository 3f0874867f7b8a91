import { antIsland } from '../lib/ant-island.tsx';
import { Navigate } from 'react-router-dom';
import { defaultTenant, useSession } from '../session.tsx';
import { homePageOf } from './home.ts';

// Rare (an account without any grant): antd's Result and its pictures load only then (docs/adr/0031).
const NoTenant = antIsland(() => import('./NoTenant.tsx').then((m) => m.default));

/** A page of the user's usual tenant (the last one they used, else their first). */
export function ToDefaultTenant({ page }: { page?: string }) {
  const { tenants, me } = useSession();
  const t = defaultTenant(tenants, me?.username);
  if (!t) {
    return <NoTenant />;
  }
  return <Navigate to={`/t/${t.slug}/${page ?? homePageOf(t)}`} replace />;
}
