// What both reference pages draw (main.tsx with antd, plain/main.tsx with React alone): the first 20
// organizations of the tenant in the address, read from the same worker with the bench's session.
import { useEffect, useState } from 'react';

export interface Org {
  id: string;
  name: string;
  parentName: string | null;
  kind: string;
  domain: string | null;
  secretaryName: string | null;
  memberCount: number;
  status: string;
}

const tenant = /^\/t\/([^/]+)\//.exec(location.pathname)?.[1] ?? 'hongshan';

/** The rows, or null until they have arrived. */
export function useFirstOrgs(): Org[] | null {
  const [rows, setRows] = useState<Org[] | null>(null);
  useEffect(() => {
    const token = sessionStorage.getItem('ronghe.token') ?? '';
    fetch(`/api/t/${tenant}/orgs?limit=20`, { headers: { authorization: `Bearer ${token}` } })
      .then((r) => r.json() as Promise<{ items: Org[] }>)
      .then((body) => setRows(body.items));
  }, []);
  return rows;
}
