import { Column, getTableColumns, is, SQL, Subquery, Table } from 'drizzle-orm';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import {
  allianceAdjustments,
  allianceDocuments,
  allianceEvents,
  allianceGovernanceSeats,
  allianceMembers,
  alliances,
  apiKeys,
  auditLog,
  filings,
  organizations,
  redDistricts,
  redRoutes,
  roleGrants,
  sessions,
  users,
  listCategories,
  needs,
  resources,
  matchRejections,
  projects,
  allocations,
  projectMilestones,
  projectClaims,
  projectNotes,
  outbox,
  consumedEvents,
  deadLetters,
  notifications,
} from '@ronghe/schema';

const tables = {
  organizations,
  auditLog,
  users,
  roleGrants,
  sessions,
  apiKeys,
  alliances,
  allianceMembers,
  allianceGovernanceSeats,
  allianceDocuments,
  allianceEvents,
  allianceAdjustments,
  filings,
  redRoutes,
  redDistricts,
  listCategories,
  needs,
  resources,
  matchRejections,
  projects,
  allocations,
  projectMilestones,
  projectClaims,
  projectNotes,
  outbox,
  consumedEvents,
  deadLetters,
  notifications,
};

/** Drizzle over one D1 database. Tenant databases hold tenant tables; the control database identities and their audit (ADR 0013). */
export type TenantDb = DrizzleD1Database<typeof tables> & { $client: D1Database };
export type ControlDb = TenantDb;

/**
 * One drizzle instance per D1 binding, reused by every request of the isolate:
 * building one walks the whole schema for its relational config, which cost
 * more CPU than a page query (issue 15 § 2, ADR 0032). The instance holds no
 * per-request state (D1 has no transactions: every write is a batch).
 */
const opened = new WeakMap<D1Database, TenantDb>();

export function openDb(d1: D1Database): TenantDb {
  let db = opened.get(d1);
  if (!db) {
    db = drizzle(d1, { schema: tables });
    guardBatch(db);
    opened.set(d1, db);
  }
  return db;
}

/**
 * The names D1 gives a select's result columns, as far as drizzle's fields tell them: a column by its
 * own name (whatever table alias it is read through), an aliased expression by its alias. An
 * unaliased expression is named by its SQL text and is left out.
 */
function resultColumnNames(fields: unknown, out: string[] = []): string[] {
  if (is(fields, Column)) out.push(fields.name);
  else if (is(fields, SQL.Aliased)) out.push(fields.fieldAlias);
  else if (is(fields, Table)) for (const c of Object.values(getTableColumns(fields))) out.push(c.name);
  else if (is(fields, SQL) || is(fields, Subquery)) return out;
  else if (fields && typeof fields === 'object') for (const v of Object.values(fields)) resultColumnNames(v, out);
  return out;
}

/** Refuses a select whose result columns repeat a name: batched, D1 would answer it with shifted values (see guardBatch). */
export function assertDistinctResultColumns(fields: unknown): void {
  const seen = new Set<string>();
  const twice = resultColumnNames(fields).filter((n) => seen.size === seen.add(n).size);
  if (twice.length) throw new Error(`D1 batch: a select names result column(s) ${[...new Set(twice)].join(', ')} twice; alias them (sql\`…\`.as('…')) or D1's rows shift`);
}

/**
 * In a batch, D1 answers a select with one object per row, and drizzle maps its values onto the
 * selected fields by position. Two result columns of one name (`people.name` and an organization's
 * `name` through a join) are one key of that object: every later value lands one field early and the
 * last field gets nothing — 双报到's lists showed each pairing's community as its organization and no
 * community at all. A select run alone is read as arrays and is not affected. So a batched select whose
 * result columns repeat a name is refused before it runs (alias one: sql`${t.name}`.as('…')), loudly,
 * rather than answering with shifted values.
 */
function guardBatch(db: TenantDb): void {
  const batch = db.batch.bind(db);
  db.batch = (async (queries: Parameters<typeof batch>[0]) => {
    for (const q of queries) {
      // Only a select's config holds `fields` (drizzle's query builders; inserts and updates do not).
      const fields = (q as unknown as { config?: { fields?: unknown } }).config?.fields;
      if (fields) assertDistinctResultColumns(fields);
    }
    return batch(queries);
  }) as unknown as typeof db.batch;
}

export type Ctx = import('./context.ts').ServiceContext<TenantDb>;
