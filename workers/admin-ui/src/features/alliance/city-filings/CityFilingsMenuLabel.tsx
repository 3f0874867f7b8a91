import { Badge } from '../../../light/Badge.tsx';
import { Space } from '../../../light/Space.tsx';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { cityFilingApi } from '../../../api/alliance-endpoints.ts';
import { afterPageReads } from '../../../api/client.ts';
import { useSession } from '../../../session.tsx';
import { cityAdminTenant } from '../../../shared/access.ts';
import { onCityFilingsChanged } from './cityFilingsBadge.ts';

/** 全市备案 in the city administrator's sidebar, with the count the city has not signed (one query on the city's copy). */
export function CityFilingsMenuLabel() {
  const { tenants } = useSession();
  const isCity = !!cityAdminTenant(tenants);
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  const section = location.pathname.split('/')[3];
  useEffect(() => {
    if (!isCity) return;
    let alive = true;
    // A hint: it lets the page's own reads go first (api/client.ts).
    const count = () =>
      afterPageReads(() => cityFilingApi.list({ state: 'unread', limit: 1 }))
        .then((p) => alive && setUnread(p.unread))
        .catch(() => undefined); // a hint only; the page reports errors
    void count();
    const off = onCityFilingsChanged(() => void count());
    return () => {
      alive = false;
      off();
    };
  }, [isCity, section]);
  return (
    <Space size={6}>
      <span>全市备案</span>
      {unread > 0 && <Badge count={unread} size="small" overflowCount={99} data-testid="city-filings-badge" />}
    </Space>
  );
}
