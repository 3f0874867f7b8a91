// The 数据大屏's charts as ECharts options, built from the rollup's contract
// (schema/rollup-view.ts). A county without figures is never drawn as zero:
// its bar is empty ('-') and its tile grey, both labelled 尚未统计; a stale
// county keeps its last good figures, marked 数据过期.
import { ASSESSMENT_GRADE_LABELS, beijingTime, rewardSourceLabel, type CountyFigures, type CountyRollup, type MonthFigures } from '@ronghe/schema';
import { formatYuan } from '../../lib/money.ts';
import type { ChartOption } from '../../shared/EChart.tsx';
import { COUNTY_TILES, TILE_COLUMNS, TILE_ROWS } from './tiles.ts';

const TEXT = '#d6e4ff';
const STALE = '#faad14';
const BASE = { backgroundColor: 'transparent', textStyle: { fontSize: 16, color: TEXT }, animation: false } as const;
const LEGEND = { top: 0, textStyle: { fontSize: 16, color: TEXT } };
const TOOLTIP = { textStyle: { fontSize: 16 } };

/** How a county's figures stand, in words for a label: '' when fresh. */
export function countyMark(c: Pick<CountyRollup, 'figures' | 'stale' | 'asOf'>): string {
  if (!c.figures) return '尚未统计';
  return c.stale ? `数据过期（统计于 ${c.asOf === null ? '—' : beijingTime(c.asOf)}）` : '';
}

const COMPARE: ReadonlyArray<{ name: string; value: (f: CountyFigures) => number }> = [
  { name: '党建联合体', value: (f) => f.alliances.total },
  { name: '已满足需求', value: (f) => f.needs.met },
  { name: '已完成项目', value: (f) => f.projects.completed },
  { name: '开展活动', value: (f) => f.activities.activitiesHeld },
];

/** The counties side by side (the city's screen): four counts each; a stale county's name is marked, one never computed has no bars. */
export function compareOption(counties: readonly CountyRollup[]): ChartOption {
  const names = counties.map((c) => (c.figures ? (c.stale ? `${c.name}（数据过期）` : c.name) : `${c.name}（尚未统计）`));
  return {
    ...BASE,
    legend: LEGEND,
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { fontSize: 14, color: TEXT }, splitLine: { lineStyle: { color: '#1f3a5f' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { fontSize: 16, color: TEXT, formatter: (v: string) => v },
    },
    series: COMPARE.map((m) => ({
      name: m.name,
      type: 'bar',
      barMaxWidth: 14,
      data: counties.map((c) => (c.figures ? { value: m.value(c.figures), itemStyle: c.stale ? { opacity: 0.55, borderColor: STALE, borderWidth: 1, borderType: 'dashed' } : undefined } : '-')),
    })),
  };
}

/** What the county's own screen shows in the comparison's place: its alliances by type and by model. */
export function compositionOption(f: CountyFigures): ChartOption {
  const rows = [
    ...Object.entries(f.alliances.byType).map(([k, v]) => ({ name: k, value: v, group: '类型' })),
    ...Object.entries(f.alliances.byModel).map(([k, v]) => ({ name: k, value: v, group: '模式' })),
  ];
  return {
    ...BASE,
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14, color: TEXT }, splitLine: { lineStyle: { color: '#1f3a5f' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.group}·${r.name}`), axisLabel: { fontSize: 15, color: TEXT } },
    series: [{ name: '联合体', type: 'bar', barMaxWidth: 18, label: { show: true, position: 'right', color: TEXT, fontSize: 15 }, data: rows.map((r) => r.value) }],
  };
}

/**
 * The tile map: one square per county where it lies, coloured by its number of alliances.
 * `own` (a county's screen) colours that county only; the others are grey, named, without figures.
 */
export function tileMapOption(counties: ReadonlyArray<Pick<CountyRollup, 'code' | 'name' | 'figures' | 'stale' | 'asOf'>>): ChartOption {
  const byCode = new Map(counties.map((c) => [c.code, c]));
  const withFigures: object[] = [];
  const without: object[] = [];
  let max = 1;
  for (const tile of COUNTY_TILES) {
    const { code, name } = tile;
    const c = byCode.get(code);
    if (c?.figures) {
      const v = c.figures.alliances.total;
      max = Math.max(max, v);
      const mark = c.stale ? '\n数据过期' : '';
      withFigures.push({
        name,
        value: [tile.x, tile.y, v],
        label: { formatter: `${name}\n${v} 个${mark}` },
        itemStyle: c.stale ? { borderColor: STALE, borderWidth: 4, borderType: 'dashed' } : undefined,
        asOf: c.asOf,
      });
    } else {
      without.push({ name, value: [tile.x, tile.y, 0], label: { formatter: c ? `${name}\n尚未统计` : name } });
    }
  }
  return {
    ...BASE,
    tooltip: {
      ...TOOLTIP,
      formatter: (p: { seriesIndex: number; name: string; value: [number, number, number]; data: { asOf?: number | null } }) =>
        p.seriesIndex === 0 ? `${p.name}：党建联合体 ${p.value[2]} 个<br/>统计于 ${p.data.asOf ? beijingTime(p.data.asOf) : '—'}` : p.name,
    },
    grid: { left: 4, right: 4, top: 4, bottom: 48 },
    xAxis: { type: 'category', data: Array.from({ length: TILE_COLUMNS }, (_, i) => String(i)), show: false },
    yAxis: { type: 'category', inverse: true, data: Array.from({ length: TILE_ROWS }, (_, i) => String(i)), show: false },
    visualMap: {
      seriesIndex: 0,
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['联合体多', '少'],
      textStyle: { color: TEXT, fontSize: 14 },
      inRange: { color: ['#0e3a66', '#1677ff', '#69b1ff'] },
    },
    series: [
      { name: '党建联合体', type: 'heatmap', data: withFigures, label: { show: true, color: '#fff', fontSize: 17, lineHeight: 22 }, itemStyle: { borderColor: '#0a1a33', borderWidth: 3 } },
      { name: '无数据', type: 'heatmap', data: without, label: { show: true, color: '#8c8c8c', fontSize: 16, lineHeight: 22 }, itemStyle: { color: '#1c2638', borderColor: '#0a1a33', borderWidth: 3 } },
    ],
  };
}

/** The grade distribution of the latest finalized assessments. */
export function gradesOption(f: CountyFigures): ChartOption {
  const grades = (['excellent', 'good', 'fair', 'poor'] as const).map((g) => ({ name: ASSESSMENT_GRADE_LABELS[g], value: f.assessment.grades[g] }));
  return {
    ...BASE,
    color: ['#52c41a', '#1677ff', '#faad14', '#ff4d4f'],
    legend: { ...LEGEND, top: 'bottom' },
    tooltip: { ...TOOLTIP, trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    series: [{ name: '考核等次', type: 'pie', radius: ['38%', '68%'], center: ['50%', '45%'], label: { color: TEXT, fontSize: 16, formatter: '{b} {c}' }, data: grades }],
  };
}

/** Money by source, allocated and disbursed, in 元. */
export function moneyOption(f: CountyFigures): ChartOption {
  const sources = Object.entries(f.rewards.bySource).sort(([a], [b]) => a.localeCompare(b));
  const label = { show: true, position: 'right', color: TEXT, fontSize: 14, formatter: (p: { value: number }) => formatYuan(Math.round(p.value * 100)) };
  return {
    ...BASE,
    legend: LEGEND,
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${formatYuan(Math.round(v * 100))} 元` },
    grid: { left: 8, right: 110, top: 40, bottom: 8, containLabel: true },
    // The bars carry their amounts in 元; the axis only gives the scale.
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { lineStyle: { color: '#1f3a5f' } } },
    yAxis: { type: 'category', inverse: true, data: sources.map(([k]) => rewardSourceLabel(k)), axisLabel: { fontSize: 15, color: TEXT } },
    series: [
      { name: '已分配', type: 'bar', barMaxWidth: 14, label, data: sources.map(([, v]) => v.allocatedFen / 100) },
      { name: '已拨付', type: 'bar', barMaxWidth: 14, label, data: sources.map(([, v]) => v.disbursedFen / 100) },
    ],
  };
}

const TREND: ReadonlyArray<{ key: keyof Omit<MonthFigures, 'month' | 'disbursedFen' | 'pointsAwarded'>; name: string }> = [
  { key: 'alliancesEstablished', name: '新组建联合体' },
  { key: 'needsMet', name: '满足需求' },
  { key: 'projectsCompleted', name: '完成项目' },
  { key: 'activitiesHeld', name: '开展活动' },
  { key: 'meetingsHeld', name: '召开会议' },
];

/** The last 24 months, oldest first. */
export function trendOption(trend: readonly MonthFigures[]): ChartOption {
  return {
    ...BASE,
    legend: LEGEND,
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((m) => m.month), axisLabel: { fontSize: 14, color: TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14, color: TEXT }, splitLine: { lineStyle: { color: '#1f3a5f' } } },
    series: TREND.map((t) => ({ name: t.name, type: 'line', smooth: true, symbolSize: 6, data: trend.map((m) => m[t.key]) })),
  };
}
