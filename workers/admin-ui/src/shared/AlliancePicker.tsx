import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { allianceApi } from '../api/alliance-endpoints.ts';
import { errorText } from '../api/client.ts';
import type { AllianceSummary } from '../api/types.ts';
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

const DEBOUNCE_MS = 300;

/** Alliances of the county, found by name on the server. */
export function AlliancePicker(props: SingleProps | MultipleProps) {
  const { tenant, known, exclude, placeholder, id, status } = props;
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = useRef(new Map<string, string>());
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  for (const k of known ?? []) if (!names.current.has(k.id)) names.current.set(k.id, k.name);

  const search = async (q: string) => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const page = await allianceApi.list(tenant, { q: q.trim() || undefined, limit: 30 });
      if (mine !== seq.current) return;
      for (const a of page.items) names.current.set(a.id, a.name);
      setOptions(page.items.map((a) => ({ value: a.id, label: a.name, status: a.status, lead: a.leadOrgName })));
    } catch (err) {
      if (mine !== seq.current) return;
      setError(errorText(err));
      setOptions([]);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      seq.current++;
    },
    [],
  );

  const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const shown = useMemo(() => {
    const list = options.filter((o) => !exclude?.has(o.value) || chosen.includes(o.value));
    const missing = chosen.filter((v) => !list.some((o) => o.value === v)).map((v) => ({ value: v, label: names.current.get(v) ?? v }));
    return [...missing, ...list];
  }, [options, exclude, chosen.join(',')]);

  const common = {
    id,
    status,
    options: shown,
    placeholder: placeholder ?? '输入联合体名称搜索',
    showSearch: {
      filterOption: false as const,
      onSearch: (q: string) => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void search(q), DEBOUNCE_MS);
      },
    },
    onOpenChange: (open: boolean) => {
      if (open && options.length === 0) void search('');
    },
    loading,
    notFoundContent: loading ? '正在搜索…' : error ? <Typography.Text type="danger">{error}</Typography.Text> : '没有符合条件的联合体',
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
