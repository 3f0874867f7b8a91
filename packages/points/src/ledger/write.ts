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

/** A draft as the INSERT reads it from its JSON parameter (`cap` null: the points as asked). */
const COLUMNS = ['id', 'person', 'rule', 'code', 'kind', 'requested', 'reason', 'source_key', 'source_type', 'source_id', 'compensates', 'home', 'year', 'month', 'occurred_at', 'created_by', 'now', 'cap', 'm1', 'm2'] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | null>;

/**
 * The entries' INSERT: ONE statement however many entries (an organizational
 * life names every attendee), the drafts bound as one JSON parameter. The
 * points of each are computed by the database inside the INSERT: a positive
 * award under a capped rule is clipped to what the person still has room for
 * in the rule's period (never below 0). SQLite runs a D1 batch alone, so two
 * awards racing for the last points of a period cannot both see the room: the
 * second reads the first's entry and gets what is left. Compensations and
 * uncapped rules take the points as asked. SQLite evaluates the SELECT before
 * it inserts, so two drafts of one statement do not see each other: a
 * (person, rule) appears once per statement (an event names a person once).
 * A source key already in the ledger writes nothing (redelivery, a second
 * compensation).
 */
export function entriesInsert(ds: readonly EntryDraft[]): SQL {
  const seen = new Set<string>();
  const rows = ds.map((d): Row => {
    const key = `${d.personId}\u0000${d.rule.code}`;
    if (seen.has(key)) throw new Error(`one statement cannot write rule ${d.rule.code} twice for ${d.personId}: the second would not see the first against the cap`);
    seen.add(key);
    const { capPeriod, capPoints } = d.rule;
    const capped = d.kind !== 'compensation' && capPeriod !== null && capPoints !== null && d.requested > 0;
    const [m1, m2] = capped ? capMonths(capPeriod!, d.month) : [d.month, d.month];
    return {
      id: d.id, person: d.personId, rule: d.rule.id, code: d.rule.code, kind: d.kind, requested: d.requested, reason: d.reason,
      source_key: d.sourceKey, source_type: d.sourceType, source_id: d.sourceId, compensates: d.compensatesId, home: d.homeOrgId,
      year: d.year, month: d.month, occurred_at: d.occurredAt, created_by: d.createdBy, now: d.now, cap: capped ? capPoints : null, m1, m2,
    };
  });
  const fields = sql.raw(COLUMNS.map((c) => `json_extract(value, '$.${c}') AS ${c}`).join(', '));
  return sql`INSERT INTO point_entries (id, person_id, rule_id, rule_code, kind, points, requested, reason, source_key, source_type, source_id,
      compensates_id, home_org_id, year, month, occurred_at, created_by, created_at)
    SELECT d.id, d.person, d.rule, d.code, d.kind,
      CASE WHEN d.cap IS NULL THEN d.requested ELSE max(0, min(d.requested, d.cap - coalesce((SELECT sum(e.points) FROM point_entries e
        WHERE e.person_id = d.person AND e.rule_code = d.code AND e.year = d.year AND e.month BETWEEN d.m1 AND d.m2), 0))) END,
      d.requested, d.reason, d.source_key, d.source_type, d.source_id, d.compensates, d.home, d.year, d.month, d.occurred_at, d.created_by, d.now
    FROM (SELECT ${fields} FROM json_each(${JSON.stringify(rows)})) d
    WHERE true
    ON CONFLICT DO NOTHING`;
}

/**
 * The totals of the entries just written (read back by their ids, so an
 * entry that was not written adds nothing): each person's year and, for
 * people with a home branch, the branch's year. In the entries' batch, always.
 */
export function totalsUpserts(entryIds: readonly string[], now: number): SQL[] {
  const ids = JSON.stringify(entryIds);
  return [
    sql`INSERT INTO point_totals (person_id, year, total, updated_at)
      SELECT person_id, year, sum(points), ${now} FROM point_entries WHERE id IN (SELECT value FROM json_each(${ids})) GROUP BY person_id, year
      ON CONFLICT (person_id, year) DO UPDATE SET total = point_totals.total + excluded.total, updated_at = excluded.updated_at`,
    sql`INSERT INTO point_org_totals (org_id, year, total, updated_at)
      SELECT home_org_id, year, sum(points), ${now} FROM point_entries WHERE id IN (SELECT value FROM json_each(${ids})) AND home_org_id IS NOT NULL GROUP BY home_org_id, year
      ON CONFLICT (org_id, year) DO UPDATE SET total = point_org_totals.total + excluded.total, updated_at = excluded.updated_at`,
  ];
}

/**
 * Entries and their totals, in order, for one batch: three statements
 * whatever the number of entries (each D1 statement counts against a
 * Worker invocation's query limit; a queue batch holds many events).
 */
export function entryStatements(ds: EntryDraft | readonly EntryDraft[]): SQL[] {
  const list = Array.isArray(ds) ? (ds as readonly EntryDraft[]) : [ds as EntryDraft];
  if (!list.length) return [];
  return [entriesInsert(list), ...totalsUpserts(list.map((d) => d.id), list[0]!.now)];
}
