import { eq } from 'drizzle-orm';
import { AppError, forbidden, newId, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { peopleById } from '@ronghe/people/read';
import { pointEntries, pointRules, type PointEntryView } from '@ronghe/schema';
import { entryAudit } from './audit.ts';
import { entryViews } from './view.ts';
import { mayAwardByHand } from './who-may-award.ts';
import { entryStatements } from './write.ts';

/**
 * A correction (冲正): a new entry of the opposite points, in the original's
 * rule version and period (so the totals and the cap room of that period
 * follow), with a reason. The ledger itself never changes; each entry can be
 * compensated once (unique `compensates_id` and source key — two people
 * compensating at the same moment: one wins, the other gets 409).
 */
export async function compensateEntry({ ctx, input }: { ctx: Ctx; input: { id: string; reason: string } }): Promise<PointEntryView> {
  // The entry with its rule version's award roles: one read.
  const [found] = await ctx.db
    .select({ orig: pointEntries, awardRoles: pointRules.awardRoles })
    .from(pointEntries)
    .leftJoin(pointRules, eq(pointRules.id, pointEntries.ruleId))
    .where(eq(pointEntries.id, input.id));
  if (!found) throw notFound('积分明细');
  const { orig, awardRoles } = found;
  const person = (await peopleById(ctx, [orig.personId])).get(orig.personId);
  // Who may award a rule by hand may correct its entries, for the people it covers.
  if (!awardRoles || !mayAwardByHand(ctx, awardRoles.length ? awardRoles : ['county_admin'], person?.homeOrgId ?? orig.homeOrgId)) {
    throw forbidden('当前角色不能冲正这条积分');
  }
  if (orig.kind === 'compensation') throw new AppError('conflict', '冲正记录不能再冲正；如需恢复，请手工加分');
  if (orig.points === 0) throw new AppError('conflict', '这条积分为 0 分，无需冲正');
  const now = ctx.clock.now();
  const id = newId('ple', now);
  await writeBatch(ctx.db, [
    ...entryStatements({
      id,
      personId: orig.personId,
      homeOrgId: orig.homeOrgId,
      rule: { id: orig.ruleId, code: orig.ruleCode, capPeriod: null, capPoints: null },
      kind: 'compensation',
      requested: -orig.points,
      reason: input.reason.trim(),
      sourceKey: `compensation:${orig.id}`,
      sourceType: 'compensation',
      sourceId: orig.id,
      compensatesId: orig.id,
      year: orig.year,
      month: orig.month,
      occurredAt: orig.occurredAt,
      createdBy: ctx.actor.userId,
      now,
    }),
    entryAudit(ctx, 'points.compensate', id),
  ]);
  const [row] = await ctx.db.select().from(pointEntries).where(eq(pointEntries.id, id));
  if (!row) throw new AppError('conflict', '这条积分已被冲正');
  return (await entryViews(ctx, [row]))[0]!;
}
