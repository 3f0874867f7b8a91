import { useEffect, useState } from 'react';
import { allianceApi } from '../../../api/alliance-endpoints.ts';
import { AlliancePicker } from '../../../shared/AlliancePicker.tsx';

interface Props {
  tenant: string;
  width?: number | string;
  placeholder?: string;
  // Injected by Form.Item:
  id?: string;
  value?: string | null;
  onChange?: (v: string | undefined) => void;
}

/**
 * The alliance picker for filters and page headers. An id that comes from the
 * URL is looked up once, so the picker shows a name, not an id.
 */
export function AllianceFilter({ tenant, width = 220, placeholder = '全部', id, value, onChange }: Props) {
  const [known, setKnown] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    if (!value || known.some((k) => k.id === value)) return;
    let live = true;
    allianceApi
      .get(tenant, value)
      .then((a) => live && setKnown((k) => [...k, { id: a.value.id, name: a.value.name }]))
      .catch(() => live && setKnown((k) => [...k, { id: value, name: value }])); // an unknown id keeps showing as it is
    return () => {
      live = false;
    };
  }, [tenant, value]);
  // Until the name arrives the picker says so, rather than showing the raw id.
  const shown = !value || known.some((k) => k.id === value) ? known : [...known, { id: value, name: '正在加载…' }];
  return (
    <div style={{ width }}>
      {/* keyed by the known names: AlliancePicker reads `known` into its name memory */}
      <AlliancePicker key={shown.map((k) => k.name).join('|')} tenant={tenant} id={id} known={shown} value={value ?? null} onChange={(v) => onChange?.(v ?? undefined)} placeholder={placeholder} />
    </div>
  );
}
