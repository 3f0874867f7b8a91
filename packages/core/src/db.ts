import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as schema from '@ronghe/schema';

/** Drizzle over one tenant's D1 database (tenant tables; the city's also holds control tables). */
export type TenantDb = DrizzleD1Database<typeof schema>;
/** Drizzle over the control database (identities, sessions, API keys, city data). */
export type ControlDb = DrizzleD1Database<typeof schema>;

export function openDb(d1: D1Database): TenantDb {
  return drizzle(d1, { schema });
}

export type Ctx = import('./context.ts').ServiceContext<TenantDb>;
