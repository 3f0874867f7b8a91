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
    opened.set(d1, db);
  }
  return db;
}

export type Ctx = import('./context.ts').ServiceContext<TenantDb>;
