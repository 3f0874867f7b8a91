import type { Actor, Clock, TenantDb, TenantRef } from '@ronghe/core';
import type { ResolvedSession } from '@ronghe/identity';

/** Worker bindings. Tenant databases are looked up by name from the registry. */
export type Bindings = {
  ASSETS?: Fetcher;
  APP_ENV?: string;
  DB_CONTROL: D1Database;
  /** R2: scanned, stamped originals of alliance documents, under each tenant's own key prefix (ADR 0017). */
  DOCUMENTS?: R2Bucket;
} & Record<string, unknown>;

/** Per-request dependencies every route has, set by the edge and API middleware. */
export type Variables = {
  requestId: string;
  clock: Clock;
  control: TenantDb;
  session?: ResolvedSession;
};

/**
 * What a tenant scope adds (`tenantScope` under `/t/:tenant/*`, or the public
 * API's key): the county, its database and who acts in it. They are typed
 * only where they exist, so a handler elsewhere cannot read a `db` that is
 * not there.
 */
export type TenantVariables = {
  tenant: TenantRef;
  db: TenantDb;
  actor: Actor;
};

/** Public and session routes (`/auth/*`, `/me`, `/tenants`, `/city/*`). */
export type AppEnv = { Bindings: Bindings; Variables: Variables };

/** Tenant routes: everything of `AppEnv`, plus the tenant, its database and the actor. */
export type TenantEnv = { Bindings: Bindings; Variables: Variables & TenantVariables };
