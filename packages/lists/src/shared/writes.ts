import { and, eq, sql } from 'drizzle-orm';
import { jsonChunks, AppError, auditGuarded, runGuarded, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import { needs, resources } from '@ronghe/schema';

const QUANTITY_CHECK = /CHECK constraint failed: (needs_quantities_within|resources_allocated_within)/;

/**
 * Runs a batch that moves quantities. The version guard turns a stale write
 * into 412; the CHECK constraints on needs and resources turn an over-commit
 * that slipped past the version checks (two accepts on different needs sharing
 * one resource) into 409, and the batch rolls back as a whole either way.
 */
export async function runQuantityGuarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await runGuarded(run);
  } catch (err) {
    const seen = new Set<unknown>();
    for (let e: unknown = err; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
      seen.add(e);
      if (QUANTITY_CHECK.test(String((e as Error).message ?? e))) {
        throw new AppError('conflict', '数量已变化：对接数量超过了需求或资源的剩余数量，请刷新后重试');
      }
    }
    throw err;
  }
}

/** Multi-row INSERT through json_each: one bound parameter per statement, whatever the row count. */
export function insertJson(table: string, rows: Record<string, unknown>[]): Statement[] {
  if (!rows.length) return [];
  const cols = Object.keys(rows[0]!);
  const select = cols.map((_, j) => `json_extract(value, '$[${j}]')`).join(', ');
  // Chunks bounded in rows and bytes: a bound value over 2 MB fails on D1 (400 needs with 2,000-character descriptions would).
  return jsonChunks(rows.map((r) => cols.map((c) => r[c] ?? null))).map((chunk) =>
    sql.raw(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${select} FROM json_each(`).append(sql`${chunk})`),
  );
}


const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
/** A drizzle row object (camelCase properties) as SQL column names, booleans as 0/1, JSON columns as text. */
export const toColumns = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [snake(k), typeof v === 'boolean' ? Number(v) : v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));

/** Every field problem at once, as one 422. */
export function refuseFields(errors: FieldError[]): void {
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
}

/**
 * An edit of one need or resource: the UPDATE matches only the version the
 * caller read, and the guarded audit row aborts the batch when it did not (412).
 */
export function guardedListUpdate(
  ctx: Ctx,
  table: typeof needs | typeof resources,
  row: { id: string; version: number },
  set: Record<string, unknown>,
  audit: { action: string; entityType: 'need' | 'resource'; before: unknown; after: unknown },
) {
  return runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(table)
        .set({ ...set, version: row.version + 1, updatedAt: ctx.clock.now() } as never)
        .where(and(eq(table.id, row.id), eq(table.version, row.version))),
      auditGuarded(ctx, { action: audit.action, entityType: audit.entityType, entityId: row.id, before: audit.before, after: audit.after }),
    ]),
  );
}
