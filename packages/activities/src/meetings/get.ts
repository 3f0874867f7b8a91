import { eq } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { meetings, type MeetingView } from '@ronghe/schema';
import { meetingViews } from './view.ts';

export async function getMeeting({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<MeetingView> {
  const row = await ctx.db.select().from(meetings).where(eq(meetings.id, input.id)).get();
  if (!row) throw new AppError('not_found', '联席会议不存在');
  return (await meetingViews(ctx, [row]))[0]!;
}
