import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { primaryRole, isStaleGuardError } from './audit.ts';
import { jsonChunks, writeBatch, type Statement } from './batch.ts';
import type { ServiceContext } from './context.ts';
import type { TenantDb } from './db.ts';
import { AppError, type FieldError } from './errors.ts';
import { newId } from './ids.ts';

// The all-or-nothing spreadsheet import the registries share (organizations,
// people): the refusal that lists every failing cell, and the one D1 batch of
// json_each statements that lands the file with one audit row per row.

/** How many failing cells a refused import lists; the detail still gives the total. */
const MAX_REPORTED_ERRORS = 500;
/** Rows per UPDATE … FROM json_each statement (its audit guard counts them). */
const UPDATE_CHUNK = 400;

/** Refuses the whole file when any cell failed: errors by row, at most 500 listed, the totals beside them. */
export function throwIfImportErrors(errors: FieldError[]): void {
  if (!errors.length) return;
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
  throw new AppError('validation_failed', `共 ${rowsWithErrors} 行存在 ${errors.length} 处错误，未导入任何数据，请修改后重新导入`, {
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    extra: { totalErrors: errors.length, rowsWithErrors },
  });
}

export interface ImportWrite<Row extends { id: string; version: number }> {
  /** The table written; every column travels in the JSON, as the column stores it. */
  table: SQLiteTable;
  entityType: string;
  actions: { create: string; update: string };
  inserts: Row[];
  updates: Array<{ before: Row; after: Row }>;
  snapshot: (row: Row) => unknown;
  /** A further condition on the updated row (raw SQL over the table's name), e.g. `people.status = 'active'`. */
  updateWhere?: string;
  /** The 412 message when a row changed between the read and the batch. */
  staleMessage: string;
}

/**
 * Lands an import in one D1 batch: INSERT … SELECT FROM json_each for new
 * rows, UPDATE … FROM json_each guarded by each row's version (its audit
 * INSERT writes NULL ids, and the batch rolls back, when fewer rows updated),
 * and the audit rows of the new ones. One bound value per statement, far
 * below D1's limits.
 */
export async function writeImport<Row extends { id: string; version: number }>(ctx: ServiceContext<TenantDb>, w: ImportWrite<Row>): Promise<void> {
  const name = getTableName(w.table);
  const columns = Object.entries(getTableColumns(w.table)).map(([key, col]) => [key, col.name] as const);
  const now = ctx.clock.now();
  const statements: Statement[] = [];
  const colList = columns.map(([, col]) => col).join(', ');
  // JSON values come back as text (arrays) and 0/1 (booleans), as the columns store them.
  const selectList = columns.map(([key]) => `value->>'$.${key}'`).join(', ');
  for (const chunk of jsonChunks(w.inserts)) {
    statements.push(sql.raw(`INSERT INTO ${name} (${colList}) SELECT ${selectList} FROM json_each(`).append(sql`${chunk})`));
  }
  const setList = columns
    .filter(([key]) => key !== 'id' && key !== 'createdAt')
    .map(([, col]) => `${col} = u.${col}`)
    .join(', ');
  const sub = columns.map(([key, col]) => `value->>'$.${key}' AS ${col}`).join(', ');
  const extra = w.updateWhere ? ` AND ${w.updateWhere}` : '';
  for (let i = 0; i < w.updates.length; i += UPDATE_CHUNK) {
    const part = w.updates.slice(i, i + UPDATE_CHUNK);
    const chunk = JSON.stringify(part.map((u) => ({ ...u.after, expectedVersion: u.before.version })));
    statements.push(
      sql.raw(`UPDATE ${name} SET ${setList} FROM (SELECT ${sub}, value->>'$.expectedVersion' AS expected_version FROM json_each(`)
        .append(sql`${chunk}`)
        .append(sql.raw(`)) AS u WHERE ${name}.id = u.id AND ${name}.version = u.expected_version${extra}`)),
    );
    // Guard: a row changed meanwhile updates fewer rows, the audit ids go NULL and the whole batch rolls back.
    statements.push(auditRows(ctx, now, w.entityType, part.map((u) => ({ action: w.actions.update, entityId: u.after.id, before: w.snapshot(u.before), after: w.snapshot(u.after) })), part.length));
  }
  for (const chunk of jsonChunks(w.inserts.map((r) => ({ action: w.actions.create, entityId: r.id, before: null, after: w.snapshot(r) })))) {
    statements.push(auditRows(ctx, now, w.entityType, JSON.parse(chunk) as AuditRow[]));
  }
  if (!statements.length) return;
  try {
    await writeBatch(ctx.db, statements);
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('precondition_failed', w.staleMessage);
    throw err;
  }
}

interface AuditRow {
  action: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

function auditRows(ctx: ServiceContext<TenantDb>, at: number, entityType: string, entries: AuditRow[], guardChanges?: number) {
  const payload = JSON.stringify(
    entries.map((e) => ({
      id: newId('aud', at),
      action: e.action,
      entityId: e.entityId,
      before: e.before == null ? null : JSON.stringify(e.before),
      after: e.after == null ? null : JSON.stringify(e.after),
    })),
  );
  const idExpr = guardChanges === undefined ? sql.raw(`value->>'$.id'`) : sql`CASE WHEN changes() = ${guardChanges} THEN value->>'$.id' END`;
  return sql`
    INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id)
    SELECT ${idExpr}, ${at}, ${ctx.actor.userId}, ${ctx.actor.displayName}, ${primaryRole(ctx)}, value->>'$.action',
           ${entityType}, value->>'$.entityId', value->>'$.before', value->>'$.after', ${ctx.requestId}
    FROM json_each(${payload})`;
}
