import type { Ctx } from '@ronghe/core';
import { writeWorkbook, type SheetCell } from '@ronghe/core/xlsx';
import { ALLIANCE_STATUS_LABELS, type AllianceStatus } from '@ronghe/schema';
import { yuanCell } from '../shared/money.ts';
import { fundSummary } from './summary.ts';

const COLUMNS = ['党建联合体', '状态', '上级拨（元）', '各方筹（元）', '党费补（元）', '其他收入（元）', '收入合计（元）', '支出（元）', '余额（元）'];
const WIDTHS = [36, 10, 16, 16, 16, 16, 16, 16, 16];

/** The county summary as .xlsx: one row per alliance and the county's totals (amounts in 元, summed in 分). */
export async function exportFundSummary({ ctx }: { ctx: Ctx }): Promise<Uint8Array<ArrayBuffer>> {
  const s = await fundSummary({ ctx });
  const money = (r: { bySource: { allocation: number; contribution: number; party_fee: number; other: number }; incomeFen: number; spendingFen: number; balanceFen: number }) => [
    yuanCell(r.bySource.allocation),
    yuanCell(r.bySource.contribution),
    yuanCell(r.bySource.party_fee),
    yuanCell(r.bySource.other),
    yuanCell(r.incomeFen),
    yuanCell(r.spendingFen),
    yuanCell(r.balanceFen),
  ];
  const data: SheetCell[][] = [
    [{ value: `${ctx.tenant.name}党建联合体经费汇总`, fontWeight: 'bold' }, ...Array.from({ length: 8 }, () => ({ value: null }))],
    COLUMNS.map((value) => ({ value, fontWeight: 'bold' })),
    ...s.items.map((r): SheetCell[] => [{ value: r.allianceName }, { value: ALLIANCE_STATUS_LABELS[r.allianceStatus as AllianceStatus] ?? r.allianceStatus }, ...money(r)]),
    [{ value: '合计', fontWeight: 'bold' }, { value: null }, ...money(s.totals)],
  ];
  return writeWorkbook([{ sheet: '经费汇总', data, columns: WIDTHS.map((width) => ({ width })), stickyRowsCount: 2 }]);
}
