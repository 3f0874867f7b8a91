import { Select, Space, Tag, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { allianceApi } from '../api/alliance-endpoints.ts';
import type { AllianceSummary } from '../api/types.ts';
import { useServerSearch } from './useServerSearch.ts';
import { ALLIANCE_STATUS_COLORS as STATUS_COLORS, ALLIANCE_STATUS_LABELS } from './allianceStatus.ts';

interface BaseProps {
  tenant: string;
  /** Names for values chosen before any search ran (editing a saved route or district). */
  known?: ReadonlyArray<{ id: string; name: string }>;
  /** Already chosen elsewhere (stops of a route): shown but not offered again. */
  exclude?: ReadonlySet<string>;
  placeholder?: string;
  id?: string;
  status?: '' | 'error' | 'warning';
}
interface SingleProps extends BaseProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | null, alliance?: { id: string; name: string }) => void;
}
interface MultipleProps extends BaseProps {
  multiple: true;
  value?: string[];
  onChange?: (value: string[]) => void;
}

interface Option {
  value: string;
  label: string;
  status?: AllianceSummary['status'];
  lead?: string;
}

/** Alliances of the county, found by name on the server. */
export function AlliancePicker(props: SingleProps | MultipleProps) {
  const { tenant, known, exclude, placeholder, id, status } = props;
  const names = useRef(new Map<string, string>());
  for (const k of known ?? []) if (!names.current.has(k.id)) names.current.set(k.id, k.name);

  const found = useServerSearch<Option>(async (q) => {
    const page = await allianceApi.list(tenant, { q, limit: 30 });
    for (const a of page.items) names.current.set(a.id, a.name);
    return page.items.map((a) => ({ value: a.id, label: a.name, status: a.status, lead: a.leadOrgName }));
  });

  const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const shown = useMemo(() => {
    const list = found.options.filter((o) => !exclude?.has(o.value) || chosen.includes(o.value));
    const missing = chosen.filter((v) => !list.some((o) => o.value === v)).map((v) => ({ value: v, label: names.current.get(v) ?? v }));
    return [...missing, ...list];
  }, [found.options, exclude, chosen.join(',')]);

  const common = {
    id,
    status,
    options: shown,
    placeholder: placeholder ?? '输入联合体名称搜索',
    showSearch: { filterOption: false as const, onSearch: found.onSearch },
    onOpenChange: (open: boolean) => {
      if (open && !found.answered) found.search('');
    },
    loading: found.loading,
    notFoundContent: found.loading ? '正在搜索…' : found.error ? <Typography.Text type="danger">{found.error}</Typography.Text> : '没有符合条件的联合体',
    optionRender: (o: { data: Option }) => (
      <Space orientation="vertical" size={0}>
        <span>{o.data.label}</span>
        {o.data.status && (
          <Space size={4}>
            <Tag color={STATUS_COLORS[o.data.status]} style={{ marginInlineEnd: 0 }}>
              {ALLIANCE_STATUS_LABELS[o.data.status]}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.data.lead}
            </Typography.Text>
          </Space>
        )}
      </Space>
    ),
    popupMatchSelectWidth: false,
    style: { width: '100%' },
  };

  if (props.multiple) {
    return <Select<string[], Option> {...common} mode="multiple" value={props.value ?? []} onChange={(v) => props.onChange?.(v)} />;
  }
  return (
    <Select<string, Option>
      {...common}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null, v ? { id: v, name: names.current.get(v) ?? v } : undefined)}
    />
  );
}
