import { type Ctx } from '@ronghe/core';
import type { ReportRecordListQuery, ReportRecordView } from '@ronghe/schema';
import { recordFilter, recordRows } from './record-view.ts';

/** 记实档案: a community's (or a member's) records, newest first. */
export async function listReportRecords({ ctx, input }: { ctx: Ctx; input: ReportRecordListQuery }): Promise<{ items: ReportRecordView[]; total: number }> {
  return recordRows(ctx, recordFilter(input), { offset: input.offset ?? 0, limit: input.limit ?? 20 });
}
