import { type Ctx } from '@ronghe/core';
import type { MemberReportListQuery, MemberReportView } from '@ronghe/schema';
import { reportFilter, reportRows } from './report-view.ts';

/** 个人报到 list, by community, person and status. */
export async function listMemberReports({ ctx, input }: { ctx: Ctx; input: MemberReportListQuery }): Promise<{ items: MemberReportView[]; total: number }> {
  return reportRows(ctx, reportFilter(input), { offset: input.offset ?? 0, limit: input.limit ?? 20 });
}
