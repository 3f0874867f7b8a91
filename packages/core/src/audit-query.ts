import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { auditLog, type AuditRecord } from '@ronghe/schema';
import { decodeCursor, encodeCursor, PAGE_SIZE_DEFAULT } from './cursor.ts';
import type { Ctx } from './db.ts';

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

/** Newest first; the time-sortable id is the keyset. */
export async function listAudit({ ctx, input }: { ctx: Ctx; input: AuditQuery }): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const where: SQL[] = [];
  if (input.entityType) where.push(eq(auditLog.entityType, input.entityType));
  if (input.entityId) where.push(eq(auditLog.entityId, input.entityId));
  if (input.actorId) where.push(eq(auditLog.actorId, input.actorId));
  if (input.action) where.push(eq(auditLog.action, input.action));
  if (input.from !== undefined) where.push(gte(auditLog.at, input.from));
  if (input.to !== undefined) where.push(lte(auditLog.at, input.to));
  if (input.cursor) where.push(lt(auditLog.id, String(decodeCursor(input.cursor, 1)[0])));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}
