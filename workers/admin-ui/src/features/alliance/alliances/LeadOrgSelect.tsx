import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { orgApi } from '../../../api/endpoints.ts';
import { OrgPicker } from '../../../shared/OrgPicker.tsx';

interface Props {
  tenant: string;
  /** The organizations this user may lead with; null: any organization of the county. */
  allowed: ReadonlySet<string> | null;
  known?: ReadonlyArray<{ id: string; name: string }>;
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  status?: '' | 'error' | 'warning';
}

/**
 * The lead organization. A lead secretary (alliance_admin) drafts only for
 * their own organization, so they choose among those rather than search the
 * whole county for something the server would refuse.
 */
export function LeadOrgSelect({ tenant, allowed, known, id, value, onChange, status }: Props) {
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const ids = allowed ? [...allowed].sort().join(',') : null;

  useEffect(() => {
    if (ids === null) return;
    let alive = true;
    const list = ids ? ids.split(',') : [];
    Promise.all(list.map((orgId) => orgApi.get(tenant, orgId).then((o) => ({ value: o.value.id, label: o.value.name })).catch(() => ({ value: orgId, label: orgId }))))
      .then((opts) => {
        if (!alive) return;
        setOptions(opts);
        // One organization to choose from: it is the answer.
        if (!value && opts.length === 1) onChange?.(opts[0]!.value);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
    // value/onChange change with every keystroke elsewhere in the form; the list depends on the grants only
  }, [tenant, ids]);

  if (ids === null) return <OrgPicker tenant={tenant} known={known} id={id} value={value} onChange={onChange} status={status} placeholder="输入牵头党组织名称搜索" />;
  return (
    <Select
      id={id}
      status={status}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      placeholder="请选择牵头党组织"
      style={{ width: '100%' }}
    />
  );
}
