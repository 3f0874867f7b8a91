import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog, type AuditRecord } from '@ronghe/schema';
import { decodeCursor, encodeCursor, PAGE_SIZE_DEFAULT } from './cursor.ts';
import type { Ctx, TenantDb } from './db.ts';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: number;
  to?: number;
  cursor?: string;
  limit?: number;
}

/**
 * Newest first; the time-sortable id is the keyset. A tenant's trail is its
 * own database plus the account changes recorded for it in the control
 * database (accounts live there), merged by id.
 */
export async function listAudit({
  ctx,
  input,
  control,
}: {
  ctx: Ctx;
  input: AuditQuery;
  /** The control database, for a tenant's account changes. */
  control?: TenantDb;
}): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const where: SQL[] = [];
  if (input.entityType) where.push(eq(auditLog.entityType, input.entityType));
  if (input.entityId) where.push(eq(auditLog.entityId, input.entityId));
  if (input.actorId) where.push(eq(auditLog.actorId, input.actorId));
  if (input.action) where.push(eq(auditLog.action, input.action));
  if (input.from !== undefined) where.push(gte(auditLog.at, input.from));
  if (input.to !== undefined) where.push(lte(auditLog.at, input.to));
  if (input.cursor) where.push(lt(auditLog.id, String(decodeCursor(input.cursor, 1)[0])));
  const page = (db: TenantDb, extra?: SQL) =>
    db
      .select()
      .from(auditLog)
      .where(and(...where, extra))
      .orderBy(desc(auditLog.id))
      .limit(limit + 1);
  const sources = [page(ctx.db)];
  // The city too: since ADR 0013 its own database no longer is the control database.
  if (control) {
    sources.push(page(control, and(eq(auditLog.entityType, 'user'), sql`json_extract(${auditLog.after}, '$.tenant') = ${ctx.tenant.slug}`)));
  }
  const rows = (await Promise.all(sources)).flat().sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}
