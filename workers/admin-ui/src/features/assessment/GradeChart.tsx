import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../shared/EChart.tsx';
import type { GradeCount } from './api.ts';

const COLOR: Record<string, string> = { excellent: '#52c41a', good: '#1677ff', fair: '#fa8c16', poor: '#f5222d' };

/** 等次分布 as a ring chart that follows its container's width. */
export function GradeChart({ distribution, height = 260 }: { distribution: readonly GradeCount[]; height?: number }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b} {c}' }, data: distribution.map((g) => ({ name: g.gradeLabel, value: g.count, itemStyle: { color: COLOR[g.grade] } })) }],
    }),
    [distribution],
  );
  return <EChart option={option} height={height} testId="chart-grades" />;
}
