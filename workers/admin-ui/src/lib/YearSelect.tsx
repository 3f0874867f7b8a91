import { Select } from 'antd';
import { thisYearShanghai } from './time.ts';

/** The 年度 picker of a yearly page: this year (in Beijing) and the `count - 1` before it. */
export function YearSelect({ value, onChange, count = 4 }: { value: number; onChange(year: number): void; count?: number }) {
  const now = thisYearShanghai();
  return (
    <Select
      aria-label="年度"
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={Array.from({ length: count }, (_, i) => now - i).map((y) => ({ value: y, label: `${y} 年` }))}
    />
  );
}
