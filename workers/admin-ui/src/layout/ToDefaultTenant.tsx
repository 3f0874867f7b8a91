import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { defaultTenant, useSession } from '../session.tsx';
import { homePageOf } from './home.ts';

/** A page of the user's usual tenant (the last one they used, else their first). */
export function ToDefaultTenant({ page }: { page?: string }) {
  const { tenants } = useSession();
  const t = defaultTenant(tenants);
  if (!t) {
    return <Result status="403" title="没有可访问的旗县区" subTitle="您的账号尚未被授予任何旗县区的角色，请联系组织部管理员。" />;
  }
  return <Navigate to={`/t/${t.slug}/${page ?? homePageOf(t)}`} replace />;
}
