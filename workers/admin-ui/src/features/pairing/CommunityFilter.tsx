import { OrgPicker } from '../../shared/OrgPicker.tsx';

/**
 * 党员报到's and 记实档案's 按社区筛选: an island of antd (lib/ant-island.tsx), the page itself draws
 * without it. Its own file, as the island's `placeholder` is the look-alike drawn until it loads.
 */
export function CommunityFilter({ tenant, value, onChange }: { tenant: string; value: string | null; onChange(value: string | null): void }) {
  return <OrgPicker tenant={tenant} domains={['社区']} placeholder="按社区筛选" value={value} onChange={onChange} style={{ width: 280 }} />;
}
