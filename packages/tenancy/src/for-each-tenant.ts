import { COUNTIES, type TenantDef } from './registry.ts';

/**
 * D1 allows a Worker invocation six simultaneous open connections; a seventh
 * query waits or fails. Visiting thirteen databases at once would exceed it.
 */
export const D1_MAX_CONNECTIONS = 6;

export type TenantOutcome<T> = { tenant: TenantDef; ok: true; value: T } | { tenant: TenantDef; ok: false; error: unknown };

export interface ForEachTenantOptions {
  /** At most this many tenants are visited at once; 1 … 6, default 6. */
  concurrency?: number;
  /** Which tenants, in order; default every county. */
  tenants?: readonly TenantDef[];
}

/**
 * The one way to visit many tenant databases (Cron jobs, the city's rollup):
 * `fn` runs once per tenant with that tenant's D1 database, never more than
 * `concurrency` at a time. One tenant's failure does not stop the others; it
 * is reported in that tenant's outcome. Outcomes come back in `tenants` order.
 */
export async function forEachTenant<T>(
  env: Record<string, unknown>,
  fn: (tenant: TenantDef, db: D1Database) => Promise<T>,
  options: ForEachTenantOptions = {},
): Promise<Array<TenantOutcome<T>>> {
  const concurrency = options.concurrency ?? D1_MAX_CONNECTIONS;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > D1_MAX_CONNECTIONS) {
    throw new RangeError(`concurrency must be an integer from 1 to ${D1_MAX_CONNECTIONS} (D1 connections per invocation), got ${concurrency}`);
  }
  const tenants = options.tenants ?? COUNTIES;
  const out = new Array<TenantOutcome<T>>(tenants.length);
  let next = 0;
  const worker = async () => {
    while (next < tenants.length) {
      const i = next++;
      const tenant = tenants[i]!;
      try {
        const db = env[tenant.binding] as D1Database | undefined;
        if (!db) throw new Error(`binding ${tenant.binding} missing from wrangler.toml`);
        out[i] = { tenant, ok: true, value: await fn(tenant, db) };
      } catch (error) {
        out[i] = { tenant, ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tenants.length) }, worker));
  return out;
}
