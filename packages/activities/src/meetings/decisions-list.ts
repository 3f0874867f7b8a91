import { and, asc, count, eq, gte, lt, type SQL } from 'drizzle-orm';
import { shanghaiDate, type Ctx } from '@ronghe/core';
import { meetingDecisions, meetings, type DecisionListQuery, type MeetingDecisionView } from '@ronghe/schema';
import { decisionViews } from './view.ts';

/** Decisions by deadline (the nearest first): of an alliance, of an owner organization, by status (overdue = open and past its deadline). */
export async function listDecisions({ ctx, input }: { ctx: Ctx; input: DecisionListQuery }): Promise<{ items: MeetingDecisionView[]; total: number }> {
  const today = shanghaiDate(ctx.clock.now());
  const where: SQL[] = [];
  if (input.allianceId) where.push(eq(meetingDecisions.allianceId, input.allianceId));
  if (input.ownerOrgId) where.push(eq(meetingDecisions.ownerOrgId, input.ownerOrgId));
  if (input.status === 'done') where.push(eq(meetingDecisions.status, 'done'));
  if (input.status === 'open') where.push(eq(meetingDecisions.status, 'open'), gte(meetingDecisions.dueOn, today));
  if (input.status === 'overdue') where.push(eq(meetingDecisions.status, 'open'), lt(meetingDecisions.dueOn, today));
  const cond = where.length ? and(...where) : undefined;
  const limit = input.limit ?? 20;
  const [rows, [total]] = await ctx.db.batch([
    ctx.db
      .select({ d: meetingDecisions, heldOn: meetings.heldOn })
      .from(meetingDecisions)
      .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
      .where(cond)
      .orderBy(asc(meetingDecisions.status), asc(meetingDecisions.dueOn), asc(meetingDecisions.id))
      .limit(limit)
      .offset(((input.page ?? 1) - 1) * limit),
    ctx.db.select({ n: count() }).from(meetingDecisions).where(cond),
  ]);
  return { items: await decisionViews(ctx, rows.map((r) => r.d), new Map(rows.map((r) => [r.d.meetingId, r.heldOn]))), total: total?.n ?? 0 };
}
