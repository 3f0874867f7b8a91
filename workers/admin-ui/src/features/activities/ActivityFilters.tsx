import { DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { KIND_OPTIONS } from './labels.ts';

interface Props {
  month: Dayjs;
  kind: string | undefined;
  onMonth: (month: Dayjs) => void;
  onKind: (kind: string | undefined) => void;
}

/** 联合体活动's month and kind: an island of antd (lib/ant-island.tsx), the page itself draws without it. */
export function ActivityFilters({ month, kind, onMonth, onKind }: Props) {
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && onMonth(v)} aria-label="月份" />
      <Select allowClear placeholder="活动类型" style={{ minWidth: 200 }} options={KIND_OPTIONS} value={kind} onChange={(v) => onKind(v)} />
    </Space>
  );
}
