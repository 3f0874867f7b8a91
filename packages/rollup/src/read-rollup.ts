import type { FiguresPart } from '@ronghe/core';
import type { CityRollup, CountyDrillDown, CountyFigures, CountyRollup, MonthFigures, RollupAlliance } from '@ronghe/schema';
import { COUNTIES } from '@ronghe/tenancy';
import { CITY_AWARDS_SOURCE } from './store.ts';
import { addInto, emptyFigures, emptyMonth, MONTH_COLUMNS, MONTH_KEYS, sumTrends } from './figures.ts';
import { assemble, FIGURE_SOURCE_NAMES, type FigureSource } from './sources.ts';
import { windowAt } from './window.ts';

/** A county as the rollup names it (the tenant registry's counties by default; the bench passes its own). */
export interface RollupCounty {
  slug: string;
  code: string;
  name: string;
}

interface Row {
  slug: string;
  stale: number;
  staleSince: number | null;
  parts: Array<{ source: string; asOf: number; data: FiguresPart }>;
  months: Array<[string, ...number[]]>;
  alliances?: RollupAlliance[];
}

/**
 * THE rollup read: every county's state, parts and months (and, for one
 * county's drill-down, its alliances) in ONE statement, as one JSON value.
 */
export function rollupSql(opts: { oneCounty: boolean; alliances: boolean }): string {
  const cols = MONTH_KEYS.map((k) => `m.${MONTH_COLUMNS[k]}`).join(', ');
  return `SELECT json_group_array(json_object(
    'slug', c.slug, 'stale', c.stale, 'staleSince', c.stale_since,
    'parts', (SELECT json_group_array(json_object('source', p.source, 'asOf', p.as_of, 'data', json(p.data))) FROM rollup_parts p WHERE p.slug = c.slug),
    'months', (SELECT json_group_array(json_array(m.month, ${cols})) FROM rollup_months m WHERE m.slug = c.slug AND m.month >= ?1)
    ${opts.alliances ? `, 'alliances', (SELECT json_group_array(json(a.summary)) FROM (SELECT summary FROM rollup_alliances WHERE slug = c.slug ORDER BY rowid) a)` : ''}
  )) AS counties FROM rollup_counties c ${opts.oneCounty ? 'WHERE c.slug = ?2' : ''}`;
}

function countyOf(def: RollupCounty, row: Row | undefined, months: readonly string[]): CountyRollup {
  const empty = { slug: def.slug, code: def.code, name: def.name, asOf: null, stale: false, staleSince: null, figures: null, trend: months.map(emptyMonth) };
  if (!row) return empty;
  const parts = new Map(row.parts.map((p) => [p.source, p]));
  const complete = FIGURE_SOURCE_NAMES.every((s) => parts.has(s));
  const byMonth = new Map(row.months.map(([m, ...v]) => [m, v]));
  const trend: MonthFigures[] = months.map((m) => {
    const v = byMonth.get(m);
    const out = emptyMonth(m);
    if (v) MONTH_KEYS.forEach((k, i) => (out[k] = Number(v[i] ?? 0)));
    return out;
  });
  const figures = complete ? assemble(Object.fromEntries(FIGURE_SOURCE_NAMES.map((s) => [s, parts.get(s)!.data])) as Record<FigureSource, FiguresPart>, months).figures : null;
  // The city's awards to this county's recipients add to its money (a part of their own: they are read in the city's database).
  const cityAwards = parts.get(CITY_AWARDS_SOURCE);
  if (figures && cityAwards) addInto(figures as unknown as Record<string, unknown>, cityAwards.data.figures);
  return {
    ...empty,
    // Every figure is at least as fresh as the oldest of the county's parts.
    asOf: complete ? Math.min(...FIGURE_SOURCE_NAMES.map((s) => parts.get(s)!.asOf)) : null,
    stale: row.stale === 1,
    staleSince: row.staleSince,
    figures,
    trend,
  };
}

async function readRows(control: D1Database, sql: string, binds: unknown[]): Promise<Row[]> {
  const r = await control.prepare(sql).bind(...binds).first<{ counties: string }>();
  return JSON.parse(r?.counties ?? '[]') as Row[];
}

/** The city's rollup: every county (as stored) and the city's sums over the counties that have figures. One query. */
export async function readCityRollup(control: D1Database, opts: { now: number; counties?: readonly RollupCounty[] }): Promise<CityRollup> {
  const months = windowAt(opts.now).months;
  const rows = new Map((await readRows(control, rollupSql({ oneCounty: false, alliances: false }), [months[0]])).map((r) => [r.slug, r]));
  const counties = (opts.counties ?? COUNTIES).map((def) => countyOf(def, rows.get(def.slug), months));
  const city = emptyFigures();
  for (const c of counties) if (c.figures) addInto(city as unknown as Record<string, unknown>, c.figures as unknown as Record<string, unknown>);
  const asOfs = counties.flatMap((c) => (c.asOf == null ? [] : [c.asOf]));
  return {
    asOf: asOfs.length ? Math.min(...asOfs) : null,
    city: city as CountyFigures,
    cityTrend: sumTrends(
      months,
      counties.map((c) => c.trend),
    ),
    counties,
  };
}

const defOf = (slug: string, counties: readonly RollupCounty[]) => counties.find((c) => c.slug === slug);

/** One county's rollup (its own 数据大屏); null when `slug` is not a county. One query. */
export async function readCountyRollup(control: D1Database, slug: string, opts: { now: number; counties?: readonly RollupCounty[] }): Promise<CountyRollup | null> {
  const def = defOf(slug, opts.counties ?? COUNTIES);
  if (!def) return null;
  const months = windowAt(opts.now).months;
  const [row] = await readRows(control, rollupSql({ oneCounty: true, alliances: false }), [months[0], slug]);
  return countyOf(def, row, months);
}

/** The drill-down: a county and its alliances' public summaries; null when `slug` is not a county. One query. */
export async function readCountyDrillDown(control: D1Database, slug: string, opts: { now?: number; counties?: readonly RollupCounty[] } = {}): Promise<CountyDrillDown | null> {
  const def = defOf(slug, opts.counties ?? COUNTIES);
  if (!def) return null;
  const months = windowAt(opts.now ?? Date.now()).months;
  const [row] = await readRows(control, rollupSql({ oneCounty: true, alliances: true }), [months[0], slug]);
  return { county: countyOf(def, row, months), alliances: row?.alliances ?? [] };
}
