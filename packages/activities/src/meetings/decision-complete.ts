import { and, eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, shanghaiDate, writeBatch, type Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { allows } from '@ronghe/identity';
import { meetingDecisions, meetings, type MeetingDecisionView } from '@ronghe/schema';
import { allianceTarget } from './scope.ts';
import { decisionViews } from './view.ts';

/**
 * The owner organization (its liaison or secretary) or the alliance completes
 * a decision with a note; who did it and when are kept. The UPDATE matches the
 * version read and `status = 'open'`, so two completions cannot both land: the
 * second is told the decision has changed (412) or is already done (409).
 */
export async function completeDecision({ ctx, input }: { ctx: Ctx; input: { id: string; note: string; version: number } }): Promise<MeetingDecisionView> {
  const d = await ctx.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, input.id)).get();
  if (!d) throw new AppError('not_found', '决定事项不存在');
  const a = (await loadAllianceRefs(ctx, [d.allianceId])).get(d.allianceId);
  if (!a || !allows(ctx.actor, 'meeting.decision_complete', allianceTarget(a, d.ownerOrgId))) {
    throw new AppError('forbidden', '只有责任单位（联络员或书记）、联合体管理员或旗县区委组织部管理员可以办结决定事项');
  }
  if (d.status === 'done') throw new AppError('conflict', `该决定事项已于 ${d.doneOn} 办结`);
  if (d.version !== input.version) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  const today = shanghaiDate(ctx.clock.now());
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(meetingDecisions)
        .set({ status: 'done', doneOn: today, doneNote: input.note, doneBy: ctx.actor.userId, doneByName: ctx.actor.displayName, version: sql`${meetingDecisions.version} + 1` })
        .where(and(eq(meetingDecisions.id, d.id), eq(meetingDecisions.version, input.version), eq(meetingDecisions.status, 'open'))),
      auditGuarded(ctx, {
        action: 'meeting.decision_complete',
        entityType: 'meeting_decision',
        entityId: d.id,
        before: { status: d.status },
        after: { status: 'done', meetingId: d.meetingId, allianceId: d.allianceId, ownerOrgId: d.ownerOrgId, dueOn: d.dueOn, doneOn: today, note: input.note },
      }),
    ]),
  );
  const row = (await ctx.db.select({ d: meetingDecisions, heldOn: meetings.heldOn }).from(meetingDecisions).innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId)).where(eq(meetingDecisions.id, d.id)).get())!;
  return (await decisionViews(ctx, [row.d], new Map([[row.d.meetingId, row.heldOn]])))[0]!;
}
