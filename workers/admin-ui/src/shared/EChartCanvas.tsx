import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartElement, ChartProps } from './EChart.tsx';

// Only the pieces the pages draw (bars and pies), so the chunk stays small.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Loaded on demand by EChart.tsx: ECharts stays out of the pages' own chunks (docs/adr/0031).
export default function EChartCanvas({ option, height = 220, testId, theme }: ChartProps) {
  const ref = useRef<ChartElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const el = ref.current;
    const c = echarts.init(el, theme, { renderer: 'canvas' });
    el.echartsInstance = c;
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      delete el.echartsInstance;
      c.dispose();
      chart.current = null;
    };
    // The theme is fixed for a chart's life; `option` is applied below.
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
