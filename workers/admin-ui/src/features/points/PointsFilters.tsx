import { Radio, Select, Space } from 'antd';
import { YearSelect } from '../../lib/YearSelect.tsx';
import { kindLabel } from './labels.ts';

export type BoardBy = 'member' | 'branch' | 'alliance';

const PERIODS = [
  { value: 'year', label: '全年' },
  ...[1, 2, 3, 4].map((q) => ({ value: `q${q}`, label: `第${q}季度` })),
  ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: `${i + 1} 月` })),
];

interface BoardProps {
  by: BoardBy;
  onBy: (by: BoardBy) => void;
  year: number;
  onYear: (year: number) => void;
  period: string;
  onPeriod: (period: string) => void;
}

/** 排行榜's choices (党员/支部/联合体, 年度, 期间): an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function BoardFilters({ by, onBy, year, onYear, period, onPeriod }: BoardProps) {
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Radio.Group
        value={by}
        onChange={(e) => onBy(e.target.value)}
        optionType="button"
        options={[
          { value: 'member', label: '党员' },
          { value: 'branch', label: '支部' },
          { value: 'alliance', label: '联合体' },
        ]}
      />
      <YearSelect count={3} value={year} onChange={onYear} />
      <Select id="points-board-period" aria-label="期间" showSearch optionFilterProp="label" value={period} onChange={onPeriod} options={PERIODS} style={{ width: 110 }} />
    </Space>
  );
}

interface LedgerProps {
  year: number;
  onYear: (year: number) => void;
  kind: string | undefined;
  onKind: (kind: string | undefined) => void;
}

/** 积分明细's choices (年度, 类型): an island of antd, as BoardFilters. */
export function LedgerFilters({ year, onYear, kind, onKind }: LedgerProps) {
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <YearSelect count={3} value={year} onChange={onYear} />
      <Select
        aria-label="类型"
        allowClear
        placeholder="全部类型"
        value={kind}
        onChange={onKind}
        style={{ width: 130 }}
        options={['award', 'manual', 'compensation'].map((k) => ({ value: k, label: kindLabel(k) }))}
      />
    </Space>
  );
}
