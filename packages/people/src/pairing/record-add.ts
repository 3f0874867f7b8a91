import { eq, sql } from 'drizzle-orm';
import { AppError, auditIfChanged, newId, notFound, writeBatch, type Ctx } from '@ronghe/core';
import { people, reportRecords, type ReportRecordCreateInput, type ReportRecordView } from '@ronghe/schema';
import { assertMay, loadCommunity, notInFuture } from './guards.ts';
import { recordRows } from './record-view.ts';

/**
 * 记实: the community records what a reported member did (seed 002 (十六)).
 * The member must have reported to that community by the day served; the
 * INSERT itself checks it (INSERT … SELECT … WHERE EXISTS), so a report ended
 * concurrently cannot let a record through. Emits `report_record.added`.
 */
export async function addReportRecord({ ctx, input }: { ctx: Ctx; input: ReportRecordCreateInput }): Promise<ReportRecordView> {
  const [person] = await ctx.db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, input.personId)).limit(1);
  if (!person) throw notFound('党员');
  const community = await loadCommunity(ctx, input.communityOrgId, 'body.communityOrgId');
  assertMay(ctx, 'report.record', [community], '只能为本社区（或本级及下级社区）记实');
  const dateErrors = notInFuture(ctx, input.servedOn, 'body.servedOn');
  if (dateErrors.length) throw new AppError('validation_failed', '服务日期不能晚于今天', { errors: dateErrors });
  const now = ctx.clock.now();
  const id = newId('rrc', now);
  const year = Number(input.servedOn.slice(0, 4));
  const [inserted] = await writeBatch(ctx.db, [
    sql`INSERT INTO report_records (id, person_id, community_org_id, served_on, year, content, minutes, recorded_by, created_at)
        SELECT ${id}, ${person.id}, ${community.id}, ${input.servedOn}, ${year}, ${input.content}, ${input.minutes}, ${ctx.actor.userId}, ${now}
        WHERE EXISTS (SELECT 1 FROM member_reports WHERE person_id = ${person.id} AND community_org_id = ${community.id}
                      AND reported_on <= ${input.servedOn} AND (status = 'active' OR ended_on >= ${input.servedOn}))`,
    auditIfChanged(ctx, {
      id: newId('aud', now),
      action: 'report_record.add',
      entityType: 'report_record',
      entityId: id,
      after: { personId: person.id, communityOrgId: community.id, servedOn: input.servedOn, minutes: input.minutes },
    }),
  ]);
  if ((inserted?.meta.changes ?? 0) !== 1) {
    const message = `${person.name}在${input.servedOn}尚未到“${community.name}”报到，不能记实`;
    throw new AppError('validation_failed', message, { errors: [{ path: 'body.personId', message }], extra: { reason: 'not_reported' } });
  }
  return (await recordRows(ctx, eq(reportRecords.id, id), { offset: 0, limit: 1 })).items[0]!;
}
