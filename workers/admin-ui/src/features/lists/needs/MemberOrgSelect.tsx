import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { errorText } from '../../../api/client.ts';
import { useTenant } from '../../../tenant.tsx';

interface Props {
  tenant: string;
  /** Only the current members of this alliance are offered. */
  allianceId?: string | null;
  /** Name for a value whose organization has since left the alliance. */
  known?: { id: string; name: string } | null;
  placeholder?: string;
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  status?: '' | 'error' | 'warning';
}

interface Option {
  value: string;
  label: string;
  domain?: string;
}

/** A member organization of one alliance (提出单位, 提供单位). */
export function MemberOrgSelect({ tenant, allianceId, known, placeholder, id, value, onChange, status }: Props) {
  const here = useTenant();
  // A member's liaison speaks for its own organization only (need.create / resource.manage are
  // alliance_member-scoped for org_liaison): offering the others would only earn a refusal.
  const ownOnly = here.tenant.roles.every((r) => r === 'org_liaison' || r === 'member');
  const own = here.perms.liaisonOrgs;
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setOptions([]);
    setError(null);
    if (!allianceId) return;
    let live = true;
    setLoading(true);
    allianceApi
      .get(tenant, allianceId)
      .then((a) => {
        if (!live) return;
        const members = a.value.members.filter((m) => m.current && (!ownOnly || own.has(m.orgId)));
        setOptions(members.map((m) => ({ value: m.orgId, label: m.orgName, domain: m.isExternal ? `外部单位 · ${m.externalRegion ?? ''}` : m.orgDomain })));
        // The liaison's one organization is chosen for them.
        if (ownOnly && members.length === 1 && !value) onChange?.(members[0]!.orgId);
      })
      .catch((err) => live && setError(errorText(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [tenant, allianceId]);

  const shown = value && !options.some((o) => o.value === value) ? [{ value, label: known?.id === value ? known.name : value }, ...options] : options;
  return (
    <Select<string, Option>
      id={id}
      status={status}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={shown}
      allowClear
      disabled={!allianceId}
      placeholder={allianceId ? (placeholder ?? '选择成员单位') : '请先选择党建联合体'}
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      notFoundContent={
        loading ? '正在加载…' : error ? <Typography.Text type="danger">{error}</Typography.Text> : ownOnly ? '您所在的单位不是该联合体的成员单位' : '该联合体没有成员单位'
      }
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.domain && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
              {o.data.domain}
            </Typography.Text>
          )}
        </span>
      )}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
