import { sql } from 'drizzle-orm';
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
  if (!rows.length) return [];
  const values = rows.map((f) => [
    tenant, f.id, f.kind, f.allianceId, f.allianceName, f.committeeName, f.title, f.summary, f.filedOn, f.filedAt,
    f.countyState, f.cityState, f.cityAckAt, f.cityAckBy, f.version, now,
  ]);
  const picks = sql.raw(values[0]!.map((_, i) => `json_extract(value, '$[${i}]')`).join(', '));
  return jsonChunks(values).map(
    (chunk) => sql`INSERT INTO city_filings (tenant, id, kind, alliance_id, alliance_name, committee_name, title, summary, filed_on, filed_at,
        county_state, city_state, city_ack_at, city_ack_by, version, copied_at)
      SELECT ${picks} FROM json_each(${chunk}) WHERE true
      ON CONFLICT (tenant, id) DO UPDATE SET kind = excluded.kind, alliance_id = excluded.alliance_id, alliance_name = excluded.alliance_name,
        committee_name = excluded.committee_name, title = excluded.title, summary = excluded.summary, filed_on = excluded.filed_on,
        filed_at = excluded.filed_at, county_state = excluded.county_state, city_state = excluded.city_state,
        city_ack_at = excluded.city_ack_at, city_ack_by = excluded.city_ack_by, version = excluded.version, copied_at = excluded.copied_at
      WHERE excluded.version >= city_filings.version`,
  );
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
