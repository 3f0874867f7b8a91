// The signed export of a reward round (issue 12): the table an organization
// department prints on A4, signs (制表/审核/批准) and files. Pure: a view in,
// xlsx bytes out; the round's storage and route come later, on top of it.
import { formatFen } from '@ronghe/core';
import { writeWorkbook, type SheetCell } from '@ronghe/core/xlsx';
import { GRADE_LABELS, formatScore } from '../allocate/labels.ts';
import type { Allocation, Recipient, StepCode } from '../allocate/types.ts';

export interface RoundSheetLine {
  name: string;
  /** "优秀 / 92.50 分", or what the round's method rests on. */
  gradeOrScore: string;
  /** The rule that gives the amount (tier, score above the line, base and uplifts). */
  basis: string;
  amountFen: number;
  /** Scaling, caps, floors, rounding, or why nothing was granted. */
  note: string;
}

export interface RoundSheetView {
  /** e.g. "2025年度红山区党建联合体以奖代补资金分配表". */
  title: string;
  /** A line under the title: budget, method, document number. */
  subtitle?: string;
  /** Header of the name column; default 单位/联合体. */
  unitHeader?: string;
  lines: RoundSheetLine[];
  /** Names already known for the signature lines; blank lines to sign on otherwise. */
  signatures?: { preparedBy?: string; reviewedBy?: string; approvedBy?: string };
  /** Shanghai date the table was made, YYYY-MM-DD. */
  preparedOn?: string;
}

export const ROUND_SHEET_COLUMNS = ['序号', '单位/联合体', '等次/得分', '依据', '金额（元）', '备注'] as const;

const BASIS: ReadonlySet<StepCode> = new Set(['tier', 'score', 'base', 'uplift_percent', 'uplift_fixed', 'demand']);
const NOTE: ReadonlySet<StepCode> = new Set([
  'ineligible_grade', 'ineligible_designation', 'ineligible_rectification', 'ineligible_member_report', 'no_tier', 'no_score', 'below_threshold',
  'cap_demand', 'scaled', 'capped', 'floored', 'floor_waived', 'rounding',
]);

/** The sheet's lines from an allocation and the recipients it was computed for (in the allocation's order). */
export function roundSheetLines(allocation: Pick<Allocation, 'lines'>, recipients: readonly Recipient[]): RoundSheetLine[] {
  const byId = new Map(recipients.map((r) => [r.id, r]));
  return allocation.lines.map((l) => {
    const f = byId.get(l.id)?.facts;
    const grade = f?.grade ? GRADE_LABELS[f.grade] : '';
    const score = f?.scoreHundredths === undefined ? '' : formatScore(f.scoreHundredths);
    return {
      name: l.name,
      gradeOrScore: [grade, score].filter(Boolean).join(' / ') || '—',
      basis: l.steps.filter((s) => BASIS.has(s.code)).map((s) => s.text).join('；') || '—',
      amountFen: l.amountFen,
      note: l.steps.filter((s) => NOTE.has(s.code)).map((s) => s.text).join('；'),
    };
  });
}

const border = { borderStyle: 'thin' } as const;
const text = (value: string, extra: Record<string, unknown> = {}): SheetCell => ({ value, type: String, ...border, alignVertical: 'center', ...extra });

/** The workbook: merged title, column headers repeated on every printed page, a totals row, signature lines, A4 portrait. */
export async function roundWorkbook(view: RoundSheetView): Promise<Uint8Array<ArrayBuffer>> {
  const width = ROUND_SHEET_COLUMNS.length;
  const span = (cell: SheetCell, n: number) => [{ ...cell, columnSpan: n }, ...Array<null>(n - 1).fill(null)];
  const rows: (SheetCell | null)[][] = [];
  rows.push(span({ value: view.title, type: String, fontWeight: 'bold', fontSize: 16, align: 'center', alignVertical: 'center', height: 36 }, width));
  if (view.subtitle) rows.push(span({ value: view.subtitle, type: String, align: 'center' }, width));
  const header = rows.length + 1;
  rows.push(ROUND_SHEET_COLUMNS.map((h) => text(h, { fontWeight: 'bold', align: 'center', backgroundColor: '#F2F2F2' })));
  const unitHeader = view.unitHeader;
  if (unitHeader) rows[rows.length - 1]![1] = text(unitHeader, { fontWeight: 'bold', align: 'center', backgroundColor: '#F2F2F2' });
  view.lines.forEach((l, i) => {
    rows.push([
      { value: i + 1, type: Number, ...border, align: 'center', alignVertical: 'center' },
      text(l.name, { wrap: true }),
      text(l.gradeOrScore, { align: 'center' }),
      text(l.basis, { wrap: true }),
      // 元 as a number so the sheet can be summed again; written from the integer 分, never summed as floats here.
      { value: l.amountFen / 100, type: Number, format: '#,##0.00', ...border, alignVertical: 'center' },
      text(l.note, { wrap: true }),
    ]);
  });
  const totalFen = view.lines.reduce((s, l) => s + l.amountFen, 0);
  rows.push([
    ...span(text('合计', { fontWeight: 'bold', align: 'center' }), 4),
    { value: totalFen / 100, type: Number, format: '#,##0.00', fontWeight: 'bold', ...border },
    text(`共 ${view.lines.filter((l) => l.amountFen > 0).length} 个单位获得奖补，合计 ${formatFen(totalFen)}`, { wrap: true }),
  ]);
  rows.push([null]);
  const sig = view.signatures ?? {};
  const line = (label: string, who?: string) => ({ value: `${label}${who ?? '＿＿＿＿＿＿'}`, type: String, height: 30, alignVertical: 'bottom' }) as SheetCell;
  rows.push([...span(line('制表：', sig.preparedBy), 2), ...span(line('审核：', sig.reviewedBy), 2), ...span(line('批准：', sig.approvedBy), 2)]);
  rows.push(span({ value: `制表日期：${view.preparedOn ? chineseDate(view.preparedOn) : '＿＿＿＿年＿＿月＿＿日'}`, type: String, align: 'right' }, width));
  return writeWorkbook([
    {
      sheet: '奖补分配表',
      data: rows,
      columns: [{ width: 6 }, { width: 24 }, { width: 13 }, { width: 34 }, { width: 14 }, { width: 26 }],
      orientation: 'portrait',
      printTitleRows: { first: header, last: header },
      fitToWidth: true,
    },
  ]);
}

/** "2026-01-15" → "2026年1月15日", the way a signed document dates itself. */
function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
