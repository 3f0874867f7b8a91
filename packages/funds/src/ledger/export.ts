import type { Ctx } from '@ronghe/core';
import { writeWorkbook, type SheetCell } from '@ronghe/core/xlsx';
import { FUND_SOURCE_LABELS, type FundEntryView, type FundLedgerQuery } from '@ronghe/schema';
import { yuanCell } from '../shared/money.ts';
import { fundLedger } from './ledger.ts';

/** 来源/用途 in words: the income's source (and the contributing member), or the spending's project. */
export function purposeOf(e: FundEntryView): string {
  const base = e.kind === 'income' ? `${FUND_SOURCE_LABELS[e.source!]}${e.orgName ? `（${e.orgName}）` : ''}` : e.projectTitle ? `项目支出：${e.projectTitle}` : '其他支出';
  return e.reversesId ? `冲正 · ${base}` : base;
}

const WIDTHS = [12, 16, 40, 36, 16, 16, 16];
const bold = (value: string): SheetCell => ({ value, fontWeight: 'bold' });

/**
 * An alliance's ledger for one year as .xlsx, the way a treasurer keeps a
 * cash journal: a title, the balance carried forward, one row per entry
 * (date, 凭证号, 摘要, 来源/用途, 收入, 支出, running 余额; a reversal shows its
 * negative amount in its own column) and the year's totals. Amounts in 元,
 * two decimals, every total summed in 分.
 */
export async function exportFundLedger({ ctx, input }: { ctx: Ctx; input: { allianceId: string } & FundLedgerQuery }): Promise<{ bytes: Uint8Array<ArrayBuffer>; allianceName: string; year: number }> {
  const l = await fundLedger({ ctx, input });
  const header = ['日期', '凭证号', '摘要', '来源/用途', '收入（元）', '支出（元）', '余额（元）'].map(bold);
  const blank = (n: number): SheetCell[] => Array.from({ length: n }, () => ({ value: null }));
  const data: SheetCell[][] = [
    [bold(`${l.allianceName} ${l.year}年经费明细账`), ...blank(6)],
    header,
    [{ value: `${l.year}-01-01` }, { value: null }, bold('上年结转'), { value: null }, { value: null }, { value: null }, yuanCell(l.openingFen)],
    ...l.items.map((e): SheetCell[] => [
      { value: e.occurredOn },
      { value: e.voucherNo },
      { value: e.summary },
      { value: purposeOf(e) },
      e.kind === 'income' ? yuanCell(e.amountFen) : { value: null },
      e.kind === 'spending' ? yuanCell(e.amountFen) : { value: null },
      yuanCell(e.balanceFen),
    ]),
    [{ value: null }, { value: null }, bold('本年合计'), { value: null }, yuanCell(l.incomeFen), yuanCell(l.spendingFen), yuanCell(l.closingFen)],
  ];
  const bytes = await writeWorkbook([{ sheet: '经费明细账', data, columns: WIDTHS.map((width) => ({ width })), stickyRowsCount: 2 }]);
  return { bytes, allianceName: l.allianceName, year: l.year };
}
