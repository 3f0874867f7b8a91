import { Select } from 'antd';
import { useEffect, type CSSProperties } from 'react';
import { peopleApi } from '../api/people-endpoints.ts';
import { useServerSearch } from './useServerSearch.ts';

interface Props {
  tenant: string;
  /** Only active party members of this organization or a branch under it; nothing to pick without one. */
  orgId: string | null | undefined;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  value?: string | null;
  onChange?: (value: string | null, person?: { name: string; phone: string | null }) => void;
}

/**
 * Picks a person of the registry by name (issue 11): a party member of the
 * given organization or under it, as an alliance liaison must be. A role that
 * may not read that organization's people simply finds nobody.
 */
export function PersonPicker({ tenant, orgId, placeholder = '输入姓名搜索党员', style, id, value, onChange }: Props) {
  const found = useServerSearch(async (q) => {
    if (!orgId) return [];
    const page = await peopleApi.list(tenant, { homeOrgId: orgId, subtree: 'true', kind: 'party_member', q, limit: 20 });
    return page.items.map((p) => ({ value: p.id, label: p.homeOrgName ? `${p.name}（${p.homeOrgName}）` : p.name, phone: p.phone }));
  });
  const { search } = found;

  useEffect(() => search(''), [search, tenant, orgId]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: found.onSearch }}
      allowClear
      disabled={!orgId}
      loading={found.loading}
      placeholder={orgId ? placeholder : '请先选择成员党组织'}
      style={style}
      value={value ?? undefined}
      options={found.options}
      notFoundContent={found.loading ? '搜索中…' : found.error ?? '人员库中没有可选的党员'}
      onChange={(v: string | undefined) => {
        const picked = found.options.find((o) => o.value === v);
        onChange?.(v ?? null, picked ? { name: picked.label.replace(/（.*）$/, ''), phone: picked.phone } : undefined);
      }}
    />
  );
}
