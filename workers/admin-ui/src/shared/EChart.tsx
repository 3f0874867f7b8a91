import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

// ECharts is the largest library the pages use (about 170 KB gzip). It loads when a
// chart is first drawn, not with the page: the page's figures and tables show
// while it arrives, in a box of the chart's size (docs/adr/0031).
const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

export type ChartOption = EChartsCoreOption;

/** The chart's container carries its instance, so a browser test can read what the chart draws (`getOption()`). */
export type ChartElement = HTMLDivElement & { echartsInstance?: ECharts };

export interface ChartProps {
  option: ChartOption;
  height?: number | string;
  testId?: string;
  theme?: 'dark';
}

/**
 * One ECharts chart that follows its container's width (the page is usable at 390 px).
 * `height` may be any CSS height ('100%' fills a sized panel); `theme: 'dark'` is ECharts' own dark theme (the 数据大屏).
 */
export function EChart(props: ChartProps) {
  // The placeholder has no test id: a test waiting for the chart waits for the real one.
  return (
    <Suspense fallback={<div style={{ width: '100%', height: props.height ?? 220 }} />}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}
