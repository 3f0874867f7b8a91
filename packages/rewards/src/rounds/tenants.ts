// A city round reaches across databases (ADR 0025): its candidates live in the
// counties' databases, and a county reads the city's awards from the city's.
// The bindings come in as the worker's env (a record of D1 databases); the
// counties are visited through forEachTenant only.
import { AppError, openDb, type Ctx, type TenantDb } from '@ronghe/core';
import { CITY, COUNTIES, findTenant, forEachTenant, type TenantDef } from '@ronghe/tenancy';

/** The worker's bindings, as handlers pass them (`c.env`). */
export type RoundsEnv = Record<string, unknown>;

/** The city's database (its rounds and their published lines), read-only from a county. */
export function cityDb(env: RoundsEnv): TenantDb {
  const d1 = env[CITY.binding] as D1Database | undefined;
  if (!d1) throw new AppError('internal', '市级数据库未配置');
  return openDb(d1);
}

/** The request's context moved to another tenant's database (same actor, clock and request). */
export function tenantCtx(ctx: Ctx, tenant: TenantDef, d1: D1Database): Ctx {
  return { ...ctx, db: openDb(d1), tenant: { slug: tenant.slug, code: tenant.code, name: tenant.name, kind: tenant.kind } };
}

/**
 * `fn` on every county's database (≤ 6 at once). Money is never computed on
 * part of the city: one county that cannot be read fails the whole visit.
 */
export async function visitCounties<T>(ctx: Ctx, env: RoundsEnv, fn: (c: Ctx, county: TenantDef) => Promise<T>): Promise<Array<{ county: TenantDef; value: T }>> {
  const visits = await forEachTenant(env, (t, d1) => fn(tenantCtx(ctx, t, d1), t), { tenants: COUNTIES });
  return visits.map((v) => {
    if (!v.ok) throw v.error;
    return { county: v.tenant, value: v.value };
  });
}

/** A county's Chinese name by its slug (a city round's recipients are named with their county). */
export const countyName = (slug: string | null | undefined): string | null => (slug ? (findTenant(slug)?.name ?? null) : null);
