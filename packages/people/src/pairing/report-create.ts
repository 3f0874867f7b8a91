import { and, eq, sql } from 'drizzle-orm';
import { AppError, auditIfChanged, newId, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { memberReports, people, type MemberReportView } from '@ronghe/schema';
import { assertMay, loadCommunity, notInFuture, today } from './guards.ts';
import { reportRows } from './report-view.ts';
import { mayReport } from './rules.ts';

/**
 * 个人报到: an in-service party member reports to a community. Reporting again
 * to the same community is harmless: the live report is returned and nothing is
 * written (`created: false`); the partial unique index makes a concurrent second
 * insert a no-op too (INSERT … ON CONFLICT DO NOTHING, its audit row only when it inserted).
 * `self`: the member reports themself (/my/reports), so no staff scope applies.
 */
export async function createMemberReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { personId: string; communityOrgId: string; reportedOn?: string; self?: boolean };
}): Promise<{ report: MemberReportView; created: boolean }> {
  const [person] = await ctx.db.select().from(people).where(eq(people.id, input.personId)).limit(1);
  if (!person) throw notFound('党员');
  if (!mayReport(person)) {
    const message = person.kind !== 'party_member' ? `${person.name}不是党员，不能到社区报到` : !person.inService ? `${person.name}不是在职党员，个人报到面向机关、企事业单位在职党员` : `${person.name}已不在册，不能报到`;
    throw new AppError('validation_failed', message, { errors: [{ path: input.self ? 'body.communityOrgId' : 'body.personId', message }], extra: { reason: 'not_in_service' } });
  }
  const community = await loadCommunity(ctx, input.communityOrgId, 'body.communityOrgId');
  if (!input.self) assertMay(ctx, 'pairing.manage', [community], '只能为本社区或本级及下级的社区登记报到');
  const reportedOn = input.reportedOn ?? today(ctx);
  const dateErrors = notInFuture(ctx, reportedOn, 'body.reportedOn');
  if (dateErrors.length) throw new AppError('validation_failed', '报到日期不能晚于今天', { errors: dateErrors });
  const live = and(eq(memberReports.personId, person.id), eq(memberReports.communityOrgId, community.id), eq(memberReports.status, 'active'));
  const now = ctx.clock.now();
  const id = newId('mrp', now);
  await writeBatch(ctx.db, [
    sql`INSERT INTO member_reports (id, person_id, community_org_id, reported_on, status, ended_on, version, created_at, updated_at)
        VALUES (${id}, ${person.id}, ${community.id}, ${reportedOn}, 'active', NULL, 1, ${now}, ${now})
        ON CONFLICT DO NOTHING`,
    auditIfChanged(ctx, { id: newId('aud', now), action: 'member_report.create', entityType: 'member_report', entityId: id, after: { personId: person.id, communityOrgId: community.id, reportedOn, status: 'active' } }),
  ]);
  const { items } = await reportRows(ctx, live, { offset: 0, limit: 1 });
  return { report: items[0]!, created: items[0]!.id === id };
}
