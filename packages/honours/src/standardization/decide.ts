import { and, eq } from 'drizzle-orm';
import { auditGuarded, conflict, forbidden, writeBatch, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { setQualityStatusStatement } from '@ronghe/registry/read';
import { branchStandardizations, STANDARDIZATION_STATUS_LABELS, type StandardizationView } from '@ronghe/schema';
import { decideOnce, LEVEL_BODY } from '../shared/guards.ts';
import { loadStandardization, standardizationView } from './view.ts';

/**
 * 区委组织部验收 (seed 004 三(三)): the county accepts an evaluated application — the branch is 标准化规范化 for that
 * year, in the registry in the same batch — or returns it with a reason. Only one decision lands: the UPDATE is guarded
 * on `evaluated` and the audit row aborts the batch when it changed nothing (a second decision → 409).
 */
export async function decideStandardization({ ctx, id, input }: { ctx: Ctx; id: string; input: { accept: true; note?: string } | { accept: false; reason: string } }): Promise<StandardizationView> {
  const app = await loadStandardization(ctx, id);
  if (!allows(ctx.actor, 'standardization.decide')) throw forbidden('只有旗县区委组织部可以验收');
  if (app.status !== 'evaluated') throw conflict(`该申请${STANDARDIZATION_STATUS_LABELS[app.status]}，不能验收或退回`);
  const now = ctx.clock.now();
  const to = input.accept ? 'accepted' : 'returned';
  const reason = input.accept ? (input.note ?? null) : input.reason;
  await decideOnce('该申请已被他人验收或退回，请刷新后查看', () =>
    writeBatch(ctx.db, [
      ctx.db
        .update(branchStandardizations)
        .set({ status: to, decisionReason: reason, decidedBy: ctx.actor.userId, decidedAt: now, updatedAt: now })
        .where(and(eq(branchStandardizations.id, id), eq(branchStandardizations.status, 'evaluated'))),
      auditGuarded(ctx, {
        action: input.accept ? 'standardization.accept' : 'standardization.return',
        entityType: 'branch_standardization',
        entityId: id,
        before: { status: 'evaluated' },
        after: { status: to, orgId: app.orgId, year: app.year, reason },
      }),
      ...(input.accept ? [setQualityStatusStatement(ctx, app.orgId, '标准化规范化', app.year, LEVEL_BODY.county)] : []),
    ]),
  );
  return standardizationView(ctx, await loadStandardization(ctx, id));
}
