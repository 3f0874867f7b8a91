import { newId, openDb, systemClock, type Clock, type Ctx } from '@ronghe/core';
import { runSupervision, type SupervisionResult } from '@ronghe/lists';
import { COUNTIES, forEachTenant, type TenantDef } from '@ronghe/tenancy';
import { sweepOutboxes } from './events.ts';

/** The outbox sweep's schedule (wrangler.toml [triggers]); every other cron is the daily supervision job. */
export const SWEEP_CRON = '*/5 * * * *';

/** Which job a Cron Trigger runs. The supervision job's own events go out with the next sweep. */
export async function runScheduled(cron: string, env: Record<string, unknown>): Promise<unknown> {
  if (cron === SWEEP_CRON) return sweepOutboxes(env);
  const out = await superviseCounties(env);
  await sweepOutboxes(env);
  return out;
}

/** Who the daily job acts as: no grants, recorded as `system` in the audit log. */
const SYSTEM_ACTOR = { userId: 'system', displayName: '督办定时任务', grants: [] } as const;

/**
 * The Cron Trigger's work (wrangler.toml `[triggers]`): the supervision job
 * (督办) for every county tenant, each against its own database, visited
 * through forEachTenant. A failing county is logged and does not stop the others.
 */
export async function superviseCounties(
  env: Record<string, unknown>,
  opts: { clock?: Clock; counties?: readonly TenantDef[] } = {},
): Promise<Array<{ tenant: string; result?: SupervisionResult; error?: string }>> {
  const clock = opts.clock ?? systemClock;
  const counties = opts.counties ?? COUNTIES;
  // forEachTenant: at most D1's six connections at once, and one county's failure is its own outcome.
  const visits = await forEachTenant(
    env,
    (t, d1) => {
      const ctx: Ctx = {
        db: openDb(d1),
        tenant: { slug: t.slug, code: t.code, name: t.name, kind: t.kind },
        actor: { ...SYSTEM_ACTOR, grants: [] },
        clock,
        requestId: newId('req', clock.now()),
      };
      return runSupervision(ctx);
    },
    { tenants: counties },
  );
  const out = visits.map((v) => (v.ok ? { tenant: v.tenant.slug, result: v.value } : { tenant: v.tenant.slug, error: String(v.error) }));
  for (const o of out) {
    console.log(JSON.stringify({ level: o.error ? 'error' : 'info', msg: 'supervision.run', tenant: o.tenant, ...(o.result ?? {}), error: o.error }));
  }
  return out;
}
