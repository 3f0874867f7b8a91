import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useLoadedAfterPaint } from '../lib/after-paint.ts';
import { reportIslandFailure } from '../lib/ant-island.tsx';
import { preloadable } from '../lib/preloadable.tsx';

// ECharts is the largest library the pages use (about 170 KB gzip). It loads once the page holding
// a chart has been painted, not with the page nor as the chart is first drawn: the page's figures
// and tables show while it arrives, in a box of the chart's size, and its ~530 KB of code is not
// downloaded and compiled while the page's data is on its way to the screen (docs/adr/0031).
const EChartCanvas = preloadable(() => import('./EChartCanvas.tsx').then((m) => m.default));

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
  // Once ECharts has run, later charts draw at once; a failed download is said above the page, as an island's is.
  const loaded = useLoadedAfterPaint(EChartCanvas, reportIslandFailure);
  // The placeholder has no test id: a test waiting for the chart waits for the real one.
  return loaded ? <EChartCanvas {...props} /> : <div style={{ width: '100%', height: props.height ?? 220 }} />;
}
