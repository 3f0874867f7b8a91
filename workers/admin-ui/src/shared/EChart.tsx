import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the pages draw (bars and pies), so the chunk stays small.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** The chart's container carries its instance, so a browser test can read what the chart draws (`getOption()`). */
export type ChartElement = HTMLDivElement & { echartsInstance?: echarts.ECharts };

/**
 * One ECharts chart that follows its container's width (the page is usable at 390 px).
 * `height` may be any CSS height ('100%' fills a sized panel); `theme: 'dark'` is ECharts' own dark theme (the 数据大屏).
 */
export function EChart({ option, height = 220, testId, theme }: { option: ChartOption; height?: number | string; testId?: string; theme?: 'dark' }) {
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
