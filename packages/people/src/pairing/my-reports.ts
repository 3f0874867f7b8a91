import { eq } from 'drizzle-orm';
import { AppError, shanghaiDate, type Ctx } from '@ronghe/core';
import { memberReports, type MyReportsView } from '@ronghe/schema';
import { personOfUser } from '../read.ts';
import { createMemberReport } from './report-create.ts';
import { recordRows, recordFilter } from './record-view.ts';
import { reportRows } from './report-view.ts';
import { getPairingStandard } from './standard.ts';
import type { MemberReportView } from '@ronghe/schema';

async function me(ctx: Ctx) {
  const person = await personOfUser(ctx, ctx.actor.userId);
  if (!person) throw new AppError('not_found', '当前账号未登记为本旗县区的党员，请联系所在党组织');
  return person;
}

/** 我的报到: the member's communities, their records (this year first) and where they stand against the standard. */
export async function myReports({ ctx }: { ctx: Ctx }): Promise<MyReportsView> {
  const person = await me(ctx);
  const year = Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  const [reports, records, thisYear, standard] = await Promise.all([
    reportRows(ctx, eq(memberReports.personId, person.id), { offset: 0, limit: 100 }),
    recordRows(ctx, recordFilter({ personId: person.id }), { offset: 0, limit: 100 }),
    recordRows(ctx, recordFilter({ personId: person.id, year }), { offset: 0, limit: 1000 }),
    getPairingStandard({ ctx, input: { year } }),
  ]);
  return {
    reports: reports.items,
    records: records.items,
    year,
    standard,
    recordsThisYear: thisYear.total,
    minutesThisYear: thisYear.items.reduce((s, r) => s + r.minutes, 0),
  };
}

/** The member reports themself to a community (POST /my/reports). */
export async function reportMyself({ ctx, input }: { ctx: Ctx; input: { communityOrgId: string } }): Promise<{ report: MemberReportView; created: boolean }> {
  const person = await me(ctx);
  return createMemberReport({ ctx, input: { personId: person.id, communityOrgId: input.communityOrgId, self: true } });
}
