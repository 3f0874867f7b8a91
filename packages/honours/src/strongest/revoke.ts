import { and, eq, ne } from 'drizzle-orm';
import { auditGuarded, conflict, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { organizationsById, setQualityStatusStatement } from '@ronghe/registry/read';
import { branchStandardizations, honourDesignations, type DesignationView, type HonourDesignation, type HonourLevel } from '@ronghe/schema';
import { decideOnce } from '../shared/guards.ts';
import { qualityOf, touchesRegistry } from './quality.ts';
import { designationViews, loadDesignation } from './view.ts';

/**
 * 取消评定 (seed 004 四(四)): the row stays, marked revoked with its reason (the branch's history); the registry's
 * status falls back to what is still in force that year.
 */
export async function revokeStrongest({ ctx, level, id, input }: { ctx: Ctx; level: HonourLevel; id: string; input: { reason: string } }): Promise<DesignationView> {
  const d = await loadDesignation(ctx, id, level);
  if (d.status !== 'in_force') throw conflict('该评定已撤销');
  const org = (await organizationsById(ctx, [d.orgId])).get(d.orgId);
  const others = await ctx.db
    .select({ level: honourDesignations.level })
    .from(honourDesignations)
    .where(and(eq(honourDesignations.orgId, d.orgId), eq(honourDesignations.year, d.year), eq(honourDesignations.status, 'in_force'), ne(honourDesignations.id, d.id)));
  const quality = qualityOf(new Set(others.map((o) => o.level)), true);
  const now = ctx.clock.now();
  await decideOnce('该评定已被他人撤销，请刷新后查看', () =>
    writeBatch(ctx.db, [
      ...revokeDesignationStatements(ctx, d, input.reason, 'manual', now),
      ...(org && touchesRegistry(org.qualityYear, d.year) ? [setQualityStatusStatement(ctx, d.orgId, quality.status, d.year, quality.by)] : []),
    ]),
  );
  return (await designationViews(ctx, [await loadDesignation(ctx, id, level)]))[0]!;
}

/** The guarded UPDATE of one designation and its audit row (the revocation's event follows the audit row). */
export function revokeDesignationStatements(ctx: Ctx, d: HonourDesignation, reason: string, cause: 'manual' | 'weak_flag', now: number): Statement[] {
  return [
    ctx.db
      .update(honourDesignations)
      .set({ status: 'revoked', revokedReason: reason, revokedCause: cause, revokedBy: ctx.actor.userId, revokedAt: now })
      .where(and(eq(honourDesignations.id, d.id), eq(honourDesignations.status, 'in_force'))),
    auditGuarded(ctx, {
      action: 'honour.revoke',
      entityType: 'honour_designation',
      entityId: d.id,
      before: { status: 'in_force' },
      after: { status: 'revoked', orgId: d.orgId, year: d.year, level: d.level, cause, reason },
    }),
  ];
}

/** The guarded UPDATE of an accepted standardization that no longer holds, and its audit row. */
export function revokeStandardizationStatements(ctx: Ctx, a: { id: string; orgId: string; year: number }, reason: string, now: number): Statement[] {
  return [
    ctx.db
      .update(branchStandardizations)
      .set({ status: 'revoked', revokedReason: reason, revokedAt: now, updatedAt: now })
      .where(and(eq(branchStandardizations.id, a.id), eq(branchStandardizations.status, 'accepted'))),
    auditGuarded(ctx, {
      action: 'standardization.revoke',
      entityType: 'branch_standardization',
      entityId: a.id,
      before: { status: 'accepted' },
      after: { status: 'revoked', orgId: a.orgId, year: a.year, reason },
    }),
  ];
}
