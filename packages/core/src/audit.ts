import { sql, type SQL } from 'drizzle-orm';
import { auditLog } from '@ronghe/schema';
import type { ServiceContext } from './context.ts';
import type { TenantDb } from './db.ts';
import { AppError } from './errors.ts';
import { newId } from './ids.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The actor's first role in this tenant, recorded with every audit row. */
export function primaryRole(ctx: ServiceContext<unknown>): string {
  return ctx.actor.grants[0]?.role ?? 'system';
}

/**
 * Builds the audit INSERT for a change. Callers put it in the same
 * `db.batch([...])` as the change itself, so both land or neither does.
 */
export function auditInsert(ctx: ServiceContext<TenantDb>, entry: AuditEntry) {
  const at = ctx.clock.now();
  return ctx.db.insert(auditLog).values({
    id: newId('aud', at),
    at,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: primaryRole(ctx),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  });
}

/**
 * The audit INSERT that doubles as the batch's guard for optimistic
 * concurrency. Placed right after a versioned `UPDATE ... WHERE version = ?`,
 * it writes its row only when that UPDATE changed exactly one row; otherwise
 * its id is NULL, the NOT NULL constraint fails, and D1 rolls the whole batch
 * back. D1 has no interactive transactions, so this is how a batch aborts
 * itself on a stale write. `isStaleGuardError` recognises the failure.
 *
 * `when` replaces the `changes() = 1` test by another condition the batch must
 * still meet when it runs — a rule read before the write that could lapse
 * before it (e.g. another capability's guard from its read.ts, ADR 0010).
 */
export function auditGuarded(ctx: ServiceContext<TenantDb>, entry: AuditEntry, when: SQL = sql`changes() = 1`) {
  const at = ctx.clock.now();
  const before = entry.before === undefined ? null : JSON.stringify(entry.before);
  const after = entry.after === undefined ? null : JSON.stringify(entry.after);
  return sql`
    INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id)
    VALUES (CASE WHEN ${when} THEN ${newId('aud', at)} END, ${at}, ${ctx.actor.userId}, ${ctx.actor.displayName},
            ${primaryRole(ctx)}, ${entry.action}, ${entry.entityType}, ${entry.entityId}, ${before}, ${after}, ${ctx.requestId})`;
}

/**
 * The audit INSERT of a change that may not happen: placed right after an
 * UPDATE, it writes its row (with the given id) only when that UPDATE changed
 * exactly one row, and otherwise writes nothing — the batch goes on. For a
 * job that lets a concurrent writer win (the supervision run) instead of
 * aborting like `auditGuarded`. Its event follows it like any audit row's.
 */
export function auditIfChanged(ctx: ServiceContext<TenantDb>, entry: AuditEntry & { id: string }) {
  const at = ctx.clock.now();
  const before = entry.before === undefined ? null : JSON.stringify(entry.before);
  const after = entry.after === undefined ? null : JSON.stringify(entry.after);
  return sql`
    INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id)
    SELECT ${entry.id}, ${at}, ${ctx.actor.userId}, ${ctx.actor.displayName}, ${primaryRole(ctx)}, ${entry.action}, ${entry.entityType},
           ${entry.entityId}, ${before}, ${after}, ${ctx.requestId}
    WHERE changes() = 1`;
}

export function isStaleGuardError(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (/NOT NULL constraint failed: audit_log\.id/.test(String((e as Error).message ?? e))) return true;
  }
  return false;
}

/** Runs a guarded batch, turning a stale-version abort into 412. */
export async function runGuarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
    throw err;
  }
}
