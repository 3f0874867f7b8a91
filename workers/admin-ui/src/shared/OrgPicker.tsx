import { Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { orgApi } from '../api/endpoints.ts';
import type { Organization } from '../api/types.ts';
import { useServerSearch } from './useServerSearch.ts';

interface Props {
  tenant: string;
  /** Only organizations in these domains (one server query per domain; the list filter takes one). */
  domains?: readonly string[];
  /** Extra server filters every search carries, e.g. `{ committeeFor: leadId }` or `{ external: 'false' }`. */
  filter?: Readonly<Record<string, string | undefined>>;
  /** Names for values set before any search ran (editing existing grants). */
  known?: ReadonlyArray<{ id: string; name: string }>;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  // Injected by Form.Item:
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  status?: '' | 'error' | 'warning';
}

interface Option {
  value: string;
  label: string;
  domain?: string;
  parentName?: string | null;
}

const LIMIT = 20;

/**
 * An organization of the tenant, found by name on the server: a county holds
 * thousands, too many to list in a dropdown.
 */
export function OrgPicker({ tenant, domains, filter, known, placeholder, disabled, style, id, value, onChange, status }: Props) {
  // Remembers every name seen, so the chosen organization keeps its label while the list changes.
  const names = useRef(new Map<string, string>());
  const domainKey = (domains ?? []).join(',');
  const filterKey = JSON.stringify(filter ?? {});

  for (const k of known ?? []) if (!names.current.has(k.id)) names.current.set(k.id, k.name);

  const found = useServerSearch<Option>(async (q) => {
    const wanted = domains?.length ? domains : [undefined];
    const pages = await Promise.all(wanted.map((domain) => orgApi.list(tenant, { ...filter, q, domain, limit: LIMIT })));
    const items = pages.flatMap((p) => p.items) as Organization[];
    items.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    for (const o of items) names.current.set(o.id, o.name);
    return items.map((o) => ({ value: o.id, label: o.name, domain: o.domain, parentName: o.parentName }));
  });
  const { clear } = found;

  // A changed domain restriction (the role changed) or filter (another lead) invalidates the list.
  useEffect(() => clear(), [clear, tenant, domainKey, filterKey]);

  // A value that arrives without a name (from the URL, after a reload) is looked up once, so the picker shows a name, not an id.
  const [named, setNamed] = useState(0);
  useEffect(() => {
    if (!value || names.current.has(value)) return;
    let live = true;
    orgApi
      .get(tenant, value)
      .then((r) => {
        names.current.set(value, r.value.name);
        if (live) setNamed((n) => n + 1);
      })
      .catch(() => undefined); // an unknown id keeps showing as it is
    return () => {
      live = false;
    };
  }, [tenant, value]);

  const shown = useMemo(() => {
    if (!value || found.options.some((o) => o.value === value)) return found.options;
    return [{ value, label: names.current.get(value) ?? value }, ...found.options];
    // `named` changes when a looked-up name arrives in the ref.
  }, [found.options, value, named]);

  return (
    <Select<string, Option>
      id={id}
      status={status}
      disabled={disabled}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={shown}
      allowClear
      placeholder={placeholder ?? '输入组织名称搜索'}
      showSearch={{ filterOption: false, onSearch: found.onSearch }}
      onOpenChange={(open) => {
        if (open && !found.answered) found.search('');
      }}
      loading={found.loading}
      notFoundContent={
        found.loading ? '正在搜索…' : found.error ? <Typography.Text type="danger">{found.error}</Typography.Text> : '没有符合条件的党组织'
      }
      optionRender={(o) => (
        <Space orientation="vertical" size={0}>
          <span>{o.data.label}</span>
          {o.data.domain && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.data.domain}
              {o.data.parentName ? ` · ${o.data.parentName}` : ''}
            </Typography.Text>
          )}
        </Space>
      )}
      popupMatchSelectWidth={false}
      style={style ?? { width: '100%' }}
    />
  );
}
