import { EVENTS, ACTION_EVENTS, isEvent, type EventDef, type EventEnvelope, type Source } from './events.ts';

// Emit: the outbox row of a change is derived, in SQL, from the audit row the
// same batch has just written (packages/core/src/batch.ts puts this statement
// right after every audit INSERT). No call site names its event: the audit
// action does, through the catalogue, so a change cannot commit without its
// event and an event cannot exist without its change.

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function expr(source: Source): string {
  if (source === '$entity') return 'a.entity_id';
  if (source === '$changed') {
    // The names of the fields whose value differs from `before` (all of them when there is no `before`).
    return `(SELECT json_group_array(k.key) FROM json_each(a.after) k WHERE a.before IS NULL OR k.value IS NOT json_extract(a.before, '$."' || k.key || '"'))`;
  }
  const [side, ...path] = source.split('.');
  if ((side !== 'after' && side !== 'before') || path.length === 0 || path.some((p) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) {
    throw new Error(`bad event field source ${source}`);
  }
  // `->` keeps JSON values (arrays, booleans) as JSON inside json_object.
  return `(a.${side} -> ${quote(`$.${path.join('.')}`)})`;
}

function payloadSql(e: EventDef): string {
  const pairs = Object.entries(e.from).flatMap(([field, source]) => [quote(field), expr(source as Source)]);
  return `json_object(${pairs.join(', ')})`;
}

function buildOutboxSql(): string {
  const mapping = Object.entries(ACTION_EVENTS)
    .filter((entry): entry is [string, EventDef] => isEvent(entry[1]))
    .map(([action, e]) => `(${quote(action)}, ${quote(e.type)}, ${e.version})`)
    .join(',\n    ');
  const payload = EVENTS.map((e) => `WHEN ${quote(e.type)} THEN ${payloadSql(e)}`).join('\n    ');
  // `last_insert_rowid()` and `changes()` describe the audit INSERT just before
  // this statement (one row, or many from an import); they are read once,
  // before this INSERT adds rows of its own.
  return `WITH b AS MATERIALIZED (SELECT last_insert_rowid() AS hi, changes() AS n),
  m(action, type, version) AS (VALUES
    ${mapping})
INSERT INTO outbox (id, type, version, aggregate_type, aggregate_id, actor_id, actor_role, at, request_id, data, relayed_at, attempts)
SELECT 'evt_' || substr(a.id, 5), m.type, m.version, a.entity_type, a.entity_id, a.actor_id, a.actor_role, a.at, a.request_id,
  CASE m.type
    ${payload}
  END, NULL, 0
FROM b JOIN audit_log a ON a.rowid > b.hi - b.n AND a.rowid <= b.hi
JOIN m ON m.action = a.action`;
}

/** The one statement that writes the events of the audit rows just inserted. It binds no parameters. */
export const OUTBOX_AFTER_AUDIT_SQL = buildOutboxSql();

/** Whether a rendered statement writes audit rows (drizzle's quoted form or hand-written SQL). */
export function insertsAuditRows(sqlText: string): boolean {
  return /^\s*insert\s+into\s+["`]?audit_log["`]?\s*\(/i.test(sqlText);
}

export interface OutboxRecord {
  id: string;
  type: string;
  version: number;
  aggregate_type: string;
  aggregate_id: string;
  actor_id: string;
  actor_role: string;
  at: number;
  request_id: string;
  data: string;
}

/** An outbox row as the envelope consumers receive; the tenant is the database the row lives in. */
export function toEnvelope(row: OutboxRecord, tenant: string): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    tenant,
    aggregate: { type: row.aggregate_type, id: row.aggregate_id },
    actor: { userId: row.actor_id, role: row.actor_role },
    at: row.at,
    requestId: row.request_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}
