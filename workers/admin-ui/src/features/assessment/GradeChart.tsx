import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { GradeCount } from './api.ts';

// The workbench has its own chart wrapper, but features do not import each other
// (test/repo/ui-imports): this one draws only the grade pie, with the pieces it needs.
echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLOR: Record<string, string> = { excellent: '#52c41a', good: '#1677ff', fair: '#fa8c16', poor: '#f5222d' };

/** 等次分布 as a ring chart that follows its container's width. */
export function GradeChart({ distribution, height = 260 }: { distribution: readonly GradeCount[]; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
        tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b} {c}' }, data: distribution.map((g) => ({ name: g.gradeLabel, value: g.count, itemStyle: { color: COLOR[g.grade] } })) }],
      },
      true,
    );
  }, [distribution]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid="chart-grades" />;
}
