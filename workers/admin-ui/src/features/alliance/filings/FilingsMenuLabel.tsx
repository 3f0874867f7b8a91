import { Badge } from '../../../light/Badge.tsx';
import { Space } from '../../../light/Space.tsx';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { filingApi } from '../../../api/alliance-endpoints.ts';
import { afterPageReads } from '../../../api/client.ts';
import { useTenant } from '../../../tenant.tsx';
import { onFilingsChanged } from './filingsBadge.ts';

/** 备案管理 in the sidebar with its unread count: counted on entering a page and whenever a filing is read or made. */
export function FilingsMenuLabel() {
  const { tenant, perms } = useTenant();
  const location = useLocation();
  const [unreadFilings, setUnreadFilings] = useState(0);
  const filingsSlug = perms.canReadFilings ? tenant.slug : null;
  const section = location.pathname.split('/')[3];
  useEffect(() => {
    if (!filingsSlug) {
      setUnreadFilings(0);
      return;
    }
    let alive = true;
    // A hint: it lets the page's own reads go first (api/client.ts).
    const count = () =>
      afterPageReads(() => filingApi.list(filingsSlug, { state: 'unread', limit: 1 }))
        .then((p) => alive && setUnreadFilings(p.unread))
        .catch(() => undefined); // the badge is a hint; the inbox page reports errors
    void count();
    const off = onFilingsChanged(() => void count());
    return () => {
      alive = false;
      off();
    };
  }, [filingsSlug, section]);
  return (
    <Space size={6}>
      <span>备案管理</span>
      {unreadFilings > 0 && <Badge count={unreadFilings} size="small" overflowCount={99} data-testid="filings-badge" />}
    </Space>
  );
}
