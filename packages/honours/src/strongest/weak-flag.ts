import { and, eq } from 'drizzle-orm';
import { openDb, prepareStatements, systemClock, type Ctx } from '@ronghe/core';
import type { Consumer, EventEnvelope } from '@ronghe/events';
import { organizationsById, setQualityStatusStatement } from '@ronghe/registry/read';
import { branchStandardizations, honourDesignations } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { revokeDesignationStatements, revokeStandardizationStatements } from './revoke.ts';

export const WEAK_FLAG_REASON = '该支部被列为软弱涣散党组织，不再符合建设标准，按动态调整管理机制取消评定';

/**
 * 四(四) 动态调整: a branch flagged 软弱涣散 loses its 最强党支部 designations and its standardization (every year still
 * in force), each revocation on its history, and its registry status returns to 未达标 — the statements for one batch.
 * Each UPDATE is guarded on the state it changes: run twice, the second run finds nothing in force and writes nothing.
 */
export async function weakFlagRevocations(ctx: Ctx, orgId: string) {
  const org = (await organizationsById(ctx, [orgId])).get(orgId);
  if (!org?.weakFlag) return [];
  const [designations, accepted] = await Promise.all([
    ctx.db.select().from(honourDesignations).where(and(eq(honourDesignations.orgId, orgId), eq(honourDesignations.status, 'in_force'))),
    ctx.db.select().from(branchStandardizations).where(and(eq(branchStandardizations.orgId, orgId), eq(branchStandardizations.status, 'accepted'))),
  ]);
  if (!designations.length && !accepted.length) return [];
  const now = ctx.clock.now();
  return [
    ...designations.flatMap((d) => revokeDesignationStatements(ctx, d, WEAK_FLAG_REASON, 'weak_flag', now)),
    ...accepted.flatMap((a) => revokeStandardizationStatements(ctx, a, WEAK_FLAG_REASON, now)),
    setQualityStatusStatement(ctx, orgId, '未达标', null, null),
  ];
}

/**
 * The registry announces an organization's edit with the names of the fields that changed: when `weakFlag` is among
 * them, the honours that no longer hold are revoked. Idempotent by event id (the dispatcher's `consumed_events` row
 * travels in the same batch) and by the guarded UPDATEs.
 */
export const weakFlagConsumer: Consumer = {
  name: 'honours.weak_flag',
  types: ['organization.updated'],
  async handle(event: EventEnvelope, { db }) {
    const changed = (event.data as { changed?: unknown }).changed;
    const orgId = (event.data as { organizationId?: unknown }).organizationId;
    if (!Array.isArray(changed) || !changed.includes('weakFlag') || typeof orgId !== 'string') return [];
    const tenant = findTenant(event.tenant);
    const ctx: Ctx = {
      db: openDb(db),
      tenant: { slug: event.tenant, code: tenant?.code ?? '', name: tenant?.name ?? event.tenant, kind: tenant?.kind ?? 'county' },
      actor: { userId: 'system', displayName: '动态调整管理', grants: [] },
      clock: systemClock,
      requestId: event.requestId,
    };
    return prepareStatements(db, await weakFlagRevocations(ctx, orgId));
  },
};
