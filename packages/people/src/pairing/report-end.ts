import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, notFound, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { organizationsById } from '@ronghe/registry/read';
import { memberReports, type MemberReportView } from '@ronghe/schema';
import { assertMay, today } from './guards.ts';
import { reportRows } from './report-view.ts';

/** Ends a member's report to a community (moved away, retired): the 记实档案 stays. */
export async function endMemberReport({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<MemberReportView> {
  const [current] = await ctx.db.select().from(memberReports).where(eq(memberReports.id, input.id)).limit(1);
  if (!current) throw notFound('报到记录');
  const community = (await organizationsById(ctx, [current.communityOrgId])).get(current.communityOrgId);
  if (!community) throw notFound('报到记录');
  assertMay(ctx, 'pairing.manage', [community], '只能结束本社区或本级及下级社区的报到');
  if (current.status === 'ended') throw new AppError('conflict', '该报到已结束', { extra: { state: 'ended', reason: 'report_ended' } });
  const endedOn = today(ctx);
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(memberReports)
        .set({ status: 'ended', endedOn, version: current.version + 1, updatedAt: ctx.clock.now() })
        .where(and(eq(memberReports.id, current.id), eq(memberReports.version, current.version))),
      auditGuarded(ctx, { action: 'member_report.end', entityType: 'member_report', entityId: current.id, before: { status: current.status }, after: { status: 'ended', endedOn } }),
    ]),
  );
  return (await reportRows(ctx, eq(memberReports.id, current.id), { offset: 0, limit: 1 })).items[0]!;
}
