import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { useSession } from '../../session.tsx';
import { cityAdminTenant } from '../../shared/access.ts';

/** `/city`: the rollup lives inside the city tenant, so the page keeps its menu and header. */
export default function CityEntry() {
  const { tenants } = useSession();
  const city = cityAdminTenant(tenants);
  if (!city) return <Result status="403" title="无权查看全市概况" subTitle="全市概况仅对市委组织部管理员开放。" />;
  return <Navigate to={`/t/${city.slug}/city`} replace />;
}
