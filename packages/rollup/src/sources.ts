import type { AggregateRead, AggregateWindow, FiguresPart, TenantDb } from '@ronghe/core';
import { activitiesRollup } from '@ronghe/activities/read';
import { allianceRollup, allianceSummariesStatement } from '@ronghe/alliance/read';
import { assessmentRollup, latestGradesStatement } from '@ronghe/assessment/read';
import { fundsRollup } from '@ronghe/funds/read';
import { allianceListSummariesStatement, listsRollup } from '@ronghe/lists/read';
import { peopleRollup } from '@ronghe/people/read';
import { pointsRollup } from '@ronghe/points/read';
import { registryRollup } from '@ronghe/registry/read';
import { rewardsRollup } from '@ronghe/rewards/read';
import type { CountyFigures, MonthFigures, RollupAlliance } from '@ronghe/schema';
import { emptyFigures, mergeInto, MONTH_KEYS, trendOf } from './figures.ts';
import { windowAt } from './window.ts';

/**
 * Where a county's figures come from: each capability's own aggregate, read
 * through its read.ts (ADR 0010). A source is also the unit of an incremental
 * refresh and of the out-of-order guard (its `as_of` in `rollup_parts`).
 */
export const FIGURE_SOURCES = {
  registry: registryRollup,
  alliance: allianceRollup,
  lists: listsRollup,
  people: peopleRollup,
  activities: activitiesRollup,
  points: pointsRollup,
  assessment: assessmentRollup,
  rewards: rewardsRollup,
  funds: fundsRollup,
} as const satisfies Record<string, AggregateRead<FiguresPart>>;
export type FigureSource = keyof typeof FIGURE_SOURCES;
export const FIGURE_SOURCE_NAMES = Object.keys(FIGURE_SOURCES) as FigureSource[];

/** The drill-down's alliance summaries: the alliance, lists and assessment capabilities' per-alliance rows, merged. */
const drillRollup: AggregateRead<RollupAlliance[]> = {
  statements: (d1) => [allianceSummariesStatement(d1), allianceListSummariesStatement(d1), latestGradesStatement(d1)],
  parse: ([alliances, lists, grades]) => {
    const listsOf = new Map((lists?.results ?? []).map((r) => [String(r.id), r]));
    const gradeOf = new Map((grades?.results ?? []).map((r) => [String(r.id), String(r.grade)]));
    const n = (v: unknown) => Math.max(0, Number(v ?? 0) || 0);
    return (alliances?.results ?? []).map((a) => {
      const l = listsOf.get(String(a.id));
      return {
        id: String(a.id),
        name: String(a.name),
        type: String(a.type),
        model: String(a.model),
        status: String(a.status),
        memberOrgs: n(a.memberOrgs),
        needsOpen: n(l?.needsOpen),
        needsMet: n(l?.needsMet),
        projectsOpen: n(l?.projectsOpen),
        projectsCompleted: n(l?.projectsCompleted),
        grade: gradeOf.get(String(a.id)) ?? null,
      };
    });
  },
};

export type Source = FigureSource | 'drill';
export const ALL_SOURCES: readonly Source[] = [...FIGURE_SOURCE_NAMES, 'drill'];

export interface Computed {
  /** When the county's database was read (epoch ms): the figures' as-of. */
  asOf: number;
  window: AggregateWindow;
  parts: Partial<Record<FigureSource, FiguresPart>>;
  alliances?: RollupAlliance[];
}

const d1Of = (db: TenantDb | D1Database): D1Database => ('$client' in db ? db.$client : db);

/**
 * Reads the given sources of one county: every source's statements in ONE
 * D1 batch (one round trip), each parsed by its owner.
 */
export async function computeSources(db: TenantDb | D1Database, sources: readonly Source[], opts: { now: number }): Promise<Computed> {
  const d1 = d1Of(db);
  const window = windowAt(opts.now);
  const reads = sources.map((s) => [s, s === 'drill' ? drillRollup : FIGURE_SOURCES[s]] as const);
  const statements = reads.map(([, r]) => r.statements(d1, window));
  const results = await d1.batch<Record<string, unknown>>(statements.flat());
  const out: Computed = { asOf: opts.now, window, parts: {} };
  let at = 0;
  reads.forEach(([s, r], i) => {
    const mine = results.slice(at, at + statements[i]!.length);
    at += statements[i]!.length;
    if (s === 'drill') out.alliances = (r as AggregateRead<RollupAlliance[]>).parse(mine, window);
    else out.parts[s] = (r as AggregateRead<FiguresPart>).parse(mine, window);
  });
  return out;
}

/** Figures and trend from parts (missing parts count as nothing). */
export function assemble(parts: Partial<Record<FigureSource, FiguresPart>>, months: readonly string[]): { figures: CountyFigures; trend: MonthFigures[] } {
  const figures = emptyFigures();
  const series: Record<string, Record<string, number>> = {};
  for (const s of FIGURE_SOURCE_NAMES) {
    const p = parts[s];
    if (!p) continue;
    mergeInto(figures as unknown as Record<string, unknown>, p.figures);
    for (const k of MONTH_KEYS) if (p.months[k]) series[k] = { ...series[k], ...p.months[k] };
  }
  return { figures, trend: trendOf(months, series) };
}

/**
 * One county's figures now, computed directly from its database (every
 * source, one batch): what the stored rollup must equal.
 */
export async function countyFigures(db: TenantDb | D1Database, opts: { now: number }): Promise<{ asOf: number; figures: CountyFigures; trend: MonthFigures[]; alliances: RollupAlliance[] }> {
  const c = await computeSources(db, ALL_SOURCES, opts);
  return { asOf: c.asOf, ...assemble(c.parts, c.window.months), alliances: c.alliances ?? [] };
}
