import type { Actor, Clock, TenantDb, TenantRef } from '@ronghe/core';
import type { ResolvedSession } from '@ronghe/identity';

/** Worker bindings. Tenant databases are looked up by name from the registry. */
export type Bindings = {
  ASSETS?: Fetcher;
  APP_ENV?: string;
  DB_CONTROL: D1Database;
} & Record<string, unknown>;

/** Per-request dependencies, set by middleware and read by handlers. */
export type Variables = {
  requestId: string;
  clock: Clock;
  control: TenantDb;
  session?: ResolvedSession;
  tenant: TenantRef;
  db: TenantDb;
  actor: Actor;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };
