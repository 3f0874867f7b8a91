import { sql, type SQL } from 'drizzle-orm';
import { newId, primaryRole, type Ctx } from '@ronghe/core';

/**
 * The audit row of a ledger entry written by hand, built FROM the entry as
 * the database wrote it (its points are computed in SQL, after the cap): no
 * entry, no audit row. Its event follows it (writeBatch).
 */
export function entryAudit(ctx: Ctx, action: 'points.award' | 'points.compensate', entryId: string): SQL {
  const at = ctx.clock.now();
  return sql`INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id)
    SELECT ${newId('aud', at)}, ${at}, ${ctx.actor.userId}, ${ctx.actor.displayName}, ${primaryRole(ctx)}, ${action}, 'point_entry', id, NULL,
      json_object('personId', person_id, 'ruleId', rule_id, 'ruleCode', rule_code, 'kind', kind, 'points', points, 'requested', requested,
        'reason', reason, 'compensatesId', compensates_id, 'year', year, 'month', month),
      ${ctx.requestId}
    FROM point_entries WHERE id = ${entryId}`;
}
