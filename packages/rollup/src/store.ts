import type { FiguresPart } from '@ronghe/core';
import { MONTH_COLUMNS, MONTH_KEYS } from './figures.ts';
import type { Computed, FigureSource } from './sources.ts';

// Writes of the rollup into the control database (ADR 0022). Every write of a
// source is guarded by that source's stored `as_of`: a computation older than
// (or as old as) the stored one changes nothing, so events delivered out of
// order or twice leave the newest figures in place. The part row is written
// last in the batch; the months and drill-down rows before it test the guard
// against the part as it was before this batch.

const newerGuard = `NOT EXISTS (SELECT 1 FROM rollup_parts g WHERE g.slug = ?1 AND g.source = ?2 AND g.as_of >= ?3)`;

function monthsStatement(control: D1Database, slug: string, source: string, asOf: number, part: FiguresPart, months: readonly string[]): D1PreparedStatement | null {
  const keys = MONTH_KEYS.filter((k) => part.months[k]);
  if (!keys.length) return null;
  const rows = Object.fromEntries(months.map((m) => [m, Object.fromEntries(keys.map((k) => [k, part.months[k]?.[m] ?? 0]))]));
  const cols = keys.map((k) => MONTH_COLUMNS[k]);
  return control
    .prepare(
      `INSERT INTO rollup_months (slug, month, ${cols.join(', ')})
       SELECT ?1, j.key, ${keys.map((k) => `json_extract(j.value, '$.${k}')`).join(', ')} FROM json_each(?4) j WHERE ${newerGuard}
       ON CONFLICT (slug, month) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    )
    .bind(slug, source, asOf, JSON.stringify(rows));
}

const partStatement = (control: D1Database, slug: string, source: string, asOf: number, data: unknown) =>
  control
    .prepare(
      `INSERT INTO rollup_parts (slug, source, as_of, data) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (slug, source) DO UPDATE SET as_of = excluded.as_of, data = excluded.data WHERE excluded.as_of > rollup_parts.as_of`,
    )
    .bind(slug, source, asOf, JSON.stringify(data));

/** The source name of the city's awards to a county's recipients (read in the city's database, refresh.ts). */
export const CITY_AWARDS_SOURCE = 'city_awards';

/** Each county's `city_awards` part: the rewards figures the city's rounds add to it (one control batch). */
export function cityAwardsStatements(control: D1Database, byCounty: ReadonlyArray<readonly [string, { allocatedFen: number; disbursedFen: number }]>, asOf: number): D1PreparedStatement[] {
  return byCounty.map(([slug, m]) =>
    partStatement(control, slug, CITY_AWARDS_SOURCE, asOf, { figures: { rewards: { allocatedFen: m.allocatedFen, disbursedFen: m.disbursedFen, bySource: { city: m } } }, months: {} }),
  );
}

/**
 * The statements storing a county's computed sources (one control batch).
 * `full`: every source was computed, so the county is no longer stale.
 */
export function storeStatements(control: D1Database, slug: string, c: Computed, opts: { full: boolean; now: number }): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (const [source, part] of Object.entries(c.parts) as Array<[FigureSource, FiguresPart]>) {
    const months = monthsStatement(control, slug, source, c.asOf, part, c.window.months);
    if (months) out.push(months);
    out.push(partStatement(control, slug, source, c.asOf, part));
  }
  if (c.alliances) {
    const rows = c.alliances.map((a) => a);
    out.push(
      control.prepare(`DELETE FROM rollup_alliances WHERE slug = ?1 AND as_of < ?3 AND ${newerGuard}`).bind(slug, 'drill', c.asOf),
      control
        .prepare(
          `INSERT INTO rollup_alliances (slug, alliance_id, as_of, summary)
           SELECT ?1, json_extract(j.value, '$.id'), ?3, j.value FROM json_each(?4) j WHERE ${newerGuard}
           ON CONFLICT (slug, alliance_id) DO UPDATE SET as_of = excluded.as_of, summary = excluded.summary WHERE excluded.as_of > rollup_alliances.as_of`,
        )
        .bind(slug, 'drill', c.asOf, JSON.stringify(rows)),
      partStatement(control, slug, 'drill', c.asOf, { alliances: rows.length }),
    );
  }
  // Only the last 24 months are kept.
  out.push(control.prepare('DELETE FROM rollup_months WHERE slug = ?1 AND month < ?2').bind(slug, c.window.months[0]));
  out.push(
    opts.full
      ? control
          .prepare(
            `INSERT INTO rollup_counties (slug, stale, stale_since, last_error, recounted_at, updated_at) VALUES (?1, 0, NULL, NULL, ?2, ?3)
             ON CONFLICT (slug) DO UPDATE SET stale = 0, stale_since = NULL, last_error = NULL, recounted_at = max(coalesce(rollup_counties.recounted_at, 0), excluded.recounted_at), updated_at = excluded.updated_at`,
          )
          .bind(slug, c.asOf, opts.now)
      : control.prepare(`INSERT INTO rollup_counties (slug, updated_at) VALUES (?1, ?2) ON CONFLICT (slug) DO UPDATE SET updated_at = excluded.updated_at`).bind(slug, opts.now),
  );
  return out;
}

/**
 * A county whose refresh failed keeps its last figures and is marked stale
 * (since the first failure). The error is kept as a category, never as a
 * message that could carry data.
 */
export function markStaleStatement(control: D1Database, slug: string, error: unknown, now: number): D1PreparedStatement {
  const category = `refresh_failed:${(error as Error)?.name ?? 'Error'}`.slice(0, 80);
  return control
    .prepare(
      `INSERT INTO rollup_counties (slug, stale, stale_since, last_error, updated_at) VALUES (?1, 1, ?2, ?3, ?2)
       ON CONFLICT (slug) DO UPDATE SET stale = 1, stale_since = coalesce(rollup_counties.stale_since, excluded.stale_since), last_error = excluded.last_error, updated_at = excluded.updated_at`,
    )
    .bind(slug, now, category);
}
