import { AlliancePicker } from '../../shared/AlliancePicker.tsx';

/**
 * 经费保障's alliance finder: an island of antd (lib/ant-island.tsx), the page itself draws without it.
 * Its own file, not the shared picker islanded, since an island's `placeholder` is what it draws
 * while loading and the picker's own placeholder is its hint text.
 */
export function FundsAlliancePicker({ tenant, onChange }: { tenant: string; onChange: (id: string | null) => void }) {
  return <AlliancePicker tenant={tenant} id="funds-alliance" placeholder="输入联合体名称查找" onChange={(id) => onChange(id)} />;
}
