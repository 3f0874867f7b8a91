import type { Ctx } from '@ronghe/core';
import { writeWorkbook } from '@ronghe/core/xlsx';
import type { QuotaStanding } from '@ronghe/schema';
import { allComplianceViews } from './compliance-list.ts';

/** The county table as .xlsx: one line per alliance and quota row, so a behind row is visible by itself. */
export async function exportCompliance({ ctx, input }: { ctx: Ctx; input: { year?: number; standing?: QuotaStanding } }): Promise<Uint8Array<ArrayBuffer>> {
  const { views } = await allComplianceViews(ctx, input.year);
  const header = ['党建联合体', '年度', '总体情况', '活动类型', '频次', '每期要求（次）', '本期已开展（次）', '全年已开展（次）', '本项情况', '统计日期'].map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = views
    .filter((v) => !input.standing || v.standing === input.standing)
    .flatMap((v) =>
      v.rows.map((r) => [
        { value: v.allianceName },
        { value: v.year, type: Number },
        { value: v.standingLabel },
        { value: r.kindLabel },
        { value: r.periodLabel },
        { value: r.required, type: Number },
        { value: r.heldInPeriod, type: Number },
        { value: r.heldInYear, type: Number },
        { value: r.standingLabel },
        { value: v.asOf },
      ]),
    );
  return writeWorkbook([{ sheet: '活动考核完成情况', data: [header, ...body] as never, columns: [30, 8, 10, 28, 10, 14, 16, 16, 10, 12].map((width) => ({ width })), stickyRowsCount: 1 }]);
}
