import { auditLog } from '@ronghe/schema';
import type { ServiceContext } from './context.ts';
import type { TenantDb } from './db.ts';
import { newId } from './ids.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The actor's highest role in this tenant, recorded with every audit row. */
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
