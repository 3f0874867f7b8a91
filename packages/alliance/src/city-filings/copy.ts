import { asc, gt, sql } from 'drizzle-orm';
import { jsonChunks, writeBatch, type Statement, type TenantDb } from '@ronghe/core';
import { filings, type Filing } from '@ronghe/schema';

/** What the city's copy keeps of a county's filing (no person's name: who filed stays in the county). */
export const COPIED_COLUMNS = {
  id: filings.id,
  kind: filings.kind,
  allianceId: filings.allianceId,
  allianceName: filings.allianceName,
  committeeName: filings.committeeName,
  title: filings.title,
  summary: filings.summary,
  filedOn: filings.filedOn,
  filedAt: filings.filedAt,
  countyState: filings.countyState,
  cityState: filings.cityState,
  cityAckAt: filings.cityAckAt,
  cityAckBy: filings.cityAckBy,
  version: filings.version,
};
export type CopiedFiling = Pick<Filing, keyof typeof COPIED_COLUMNS>;

/** A county's filings as the city copies them (all, or the given ids). */
export async function readCopies(db: TenantDb, ids?: readonly string[]): Promise<CopiedFiling[]> {
  const q = db.select(COPIED_COLUMNS).from(filings);
  if (!ids) return q;
  if (!ids.length) return [];
  return q.where(sql`${filings.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
}

/**
 * Upserts copies of one county's filings into the control database's
 * `city_filings`, one bound JSON value per statement (D1's parameter limit).
 * A copy is replaced only by one taken from the same or a newer version of the
 * county's row, so a late, redelivered event never turns an acknowledgement
 * back: the county's row is the truth and its version only grows.
 */
export function copyStatements(tenant: string, rows: readonly CopiedFiling[], now: number): Statement[] {
  return copyChunks(tenant, rows, now).map(upsertCopies);
}

/** The copies as JSON values, one per upsert (jsonChunks: at most 400 rows and about 1 MB each), in the rows' order. */
function copyChunks(tenant: string, rows: readonly CopiedFiling[], now: number): string[] {
  if (!rows.length) return [];
  const values = rows.map((f) => [
    tenant, f.id, f.kind, f.allianceId, f.allianceName, f.committeeName, f.title, f.summary, f.filedOn, f.filedAt,
    f.countyState, f.cityState, f.cityAckAt, f.cityAckBy, f.version, now,
  ]);
  return jsonChunks(values);
}

// One json_extract per value copyChunks writes (16, in its order).
const COPY_PICKS = sql.raw(Array.from({ length: 16 }, (_, i) => `json_extract(value, '$[${i}]')`).join(', '));

function upsertCopies(chunk: string): Statement {
  return sql`INSERT INTO city_filings (tenant, id, kind, alliance_id, alliance_name, committee_name, title, summary, filed_on, filed_at,
        county_state, city_state, city_ack_at, city_ack_by, version, copied_at)
      SELECT ${COPY_PICKS} FROM json_each(${chunk}) WHERE true
      ON CONFLICT (tenant, id) DO UPDATE SET kind = excluded.kind, alliance_id = excluded.alliance_id, alliance_name = excluded.alliance_name,
        committee_name = excluded.committee_name, title = excluded.title, summary = excluded.summary, filed_on = excluded.filed_on,
        filed_at = excluded.filed_at, county_state = excluded.county_state, city_state = excluded.city_state,
        city_ack_at = excluded.city_ack_at, city_ack_by = excluded.city_ack_by, version = excluded.version, copied_at = excluded.copied_at
      WHERE excluded.version >= city_filings.version`;
}

/**
 * The reconciliation: copies every filing of one county into the city's inbox
 * (seeding, a county added, or healing after the control database missed
 * events). Idempotent; safe beside the consumer (versions only move forward).
 */
export async function refreshCityFilings({ control, county, tenant, now }: { control: TenantDb; county: TenantDb; tenant: string; now: number }): Promise<{ copied: number }> {
  const rows = await readCopies(county);
  const statements = copyStatements(tenant, rows, now);
  await writeBatch(control, statements);
  return { copied: rows.length };
}

/**
 * One step of the daily reconciliation (ADR 0024): the county's filings after
 * `after` in id order, at most `rows` of them and no more than `upserts`
 * statements hold (a statement takes 400 rows or about 1 MB, whichever comes
 * first), copied in one control batch. So a step costs at most 1 + `upserts`
 * D1 queries whatever the county's size and its texts' length. `next` is the
 * last id copied when the county may have more, null when it is done.
 * Idempotent like the whole copy: a step repeated writes the same rows.
 */
export async function refreshCityFilingsPage({
  control,
  county,
  tenant,
  now,
  after,
  rows: limit,
  upserts,
}: {
  control: TenantDb;
  county: TenantDb;
  tenant: string;
  now: number;
  after: string | null;
  rows: number;
  upserts: number;
}): Promise<{ copied: number; next: string | null }> {
  const page = await county
    .select(COPIED_COLUMNS)
    .from(filings)
    .where(after === null ? undefined : gt(filings.id, after))
    .orderBy(asc(filings.id))
    .limit(limit);
  const chunks = copyChunks(tenant, page, now);
  const taken = chunks.slice(0, upserts);
  const copied = taken.reduce((n, c) => n + (JSON.parse(c) as unknown[]).length, 0);
  await writeBatch(control, taken.map(upsertCopies));
  const more = copied < page.length || page.length === limit;
  return { copied, next: more && copied ? page[copied - 1]!.id : null };
}
