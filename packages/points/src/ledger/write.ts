import { sql, type SQL } from 'drizzle-orm';
import type { EntryKind, PointRule } from '@ronghe/schema';
import { capMonths } from '../shared/period.ts';

/** One ledger entry to write; `points` for a positive award is what is asked before the cap. */
export interface EntryDraft {
  id: string;
  personId: string;
  homeOrgId: string | null;
  rule: Pick<PointRule, 'id' | 'code' | 'capPeriod' | 'capPoints'>;
  kind: EntryKind;
  requested: number;
  reason: string | null;
  sourceKey: string;
  sourceType: string;
  sourceId: string | null;
  compensatesId: string | null;
  year: number;
  month: number;
  occurredAt: number;
  createdBy: string;
  now: number;
}

/**
 * The points an entry gets, computed by the database inside the INSERT: a
 * positive award under a capped rule is clipped to what the person still has
 * room for in the rule's period (never below 0). SQLite runs a D1 batch
 * alone, so two awards racing for the last points of a period cannot both
 * see the room: the second reads the first's entry and gets what is left.
 * Compensations and uncapped rules take the points as asked.
 */
function pointsExpr(d: EntryDraft): SQL {
  const { capPeriod, capPoints } = d.rule;
  if (d.kind === 'compensation' || capPeriod === null || capPoints === null || d.requested <= 0) return sql`${d.requested}`;
  const [m1, m2] = capMonths(capPeriod, d.month);
  return sql`max(0, min(${d.requested}, ${capPoints} - coalesce((SELECT sum(e.points) FROM point_entries e
      WHERE e.person_id = ${d.personId} AND e.rule_code = ${d.rule.code} AND e.year = ${d.year} AND e.month BETWEEN ${m1} AND ${m2}), 0)))`;
}

/** The entry INSERT: a source key already in the ledger writes nothing (redelivery, a second compensation). */
export function entryInsert(d: EntryDraft): SQL {
  return sql`INSERT INTO point_entries (id, person_id, rule_id, rule_code, kind, points, requested, reason, source_key, source_type, source_id,
      compensates_id, home_org_id, year, month, occurred_at, created_by, created_at)
    SELECT ${d.id}, ${d.personId}, ${d.rule.id}, ${d.rule.code}, ${d.kind}, ${pointsExpr(d)}, ${d.requested}, ${d.reason}, ${d.sourceKey}, ${d.sourceType}, ${d.sourceId},
      ${d.compensatesId}, ${d.homeOrgId}, ${d.year}, ${d.month}, ${d.occurredAt}, ${d.createdBy}, ${d.now}
    WHERE true
    ON CONFLICT DO NOTHING`;
}

/**
 * The totals of the entry just written (read back by its id, so an entry
 * that was not written adds nothing): the person's year and, when the person
 * had a home branch, the branch's year. In the entry's batch, always.
 */
export function totalsUpserts(entryId: string, now: number): SQL[] {
  return [
    sql`INSERT INTO point_totals (person_id, year, total, updated_at)
      SELECT person_id, year, points, ${now} FROM point_entries WHERE id = ${entryId}
      ON CONFLICT (person_id, year) DO UPDATE SET total = point_totals.total + excluded.total, updated_at = excluded.updated_at`,
    sql`INSERT INTO point_org_totals (org_id, year, total, updated_at)
      SELECT home_org_id, year, points, ${now} FROM point_entries WHERE id = ${entryId} AND home_org_id IS NOT NULL
      ON CONFLICT (org_id, year) DO UPDATE SET total = point_org_totals.total + excluded.total, updated_at = excluded.updated_at`,
  ];
}

/** Entry and totals, in order, for one batch. */
export function entryStatements(d: EntryDraft): SQL[] {
  return [entryInsert(d), ...totalsUpserts(d.id, d.now)];
}
