import { Select } from 'antd';

const OPTIONS = [
  { value: 'active', label: '结对中' },
  { value: 'ended', label: '已结束' },
  { value: 'all', label: '全部' },
];

/** 单位结对's 状态 filter: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function PairingStatusSelect({ value, onChange }: { value: string; onChange(status: string): void }) {
  return <Select aria-label="状态" value={value} onChange={onChange} style={{ width: 110 }} options={OPTIONS} />;
}
