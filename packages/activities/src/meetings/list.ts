import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { meetings, type MeetingListQuery, type MeetingView } from '@ronghe/schema';
import { meetingViews } from './view.ts';

/** Joint meetings, newest first, of an alliance and/or a year. */
export async function listMeetings({ ctx, input }: { ctx: Ctx; input: MeetingListQuery }): Promise<{ items: MeetingView[]; total: number }> {
  const where: SQL[] = [];
  if (input.allianceId) where.push(eq(meetings.allianceId, input.allianceId));
  if (input.year) where.push(gte(meetings.heldOn, `${input.year}-01-01`), lte(meetings.heldOn, `${input.year}-12-31`));
  const cond = where.length ? and(...where) : undefined;
  const limit = input.limit ?? 20;
  const [rows, [total]] = await ctx.db.batch([
    ctx.db.select().from(meetings).where(cond).orderBy(desc(meetings.heldOn), desc(meetings.id)).limit(limit).offset(((input.page ?? 1) - 1) * limit),
    ctx.db.select({ n: count() }).from(meetings).where(cond),
  ]);
  return { items: await meetingViews(ctx, rows), total: total?.n ?? 0 };
}
