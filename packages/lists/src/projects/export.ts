import type { Ctx } from '@ronghe/core';
import { writeWorkbook } from '@ronghe/core/xlsx';
import { PROJECT_STATUS_LABELS, WARNING_LABELS, type ProjectListQuery, type ProjectSummaryView } from '@ronghe/schema';
import { listProjects } from './list.ts';

type Cell = { value: string | number | null; format?: string; type?: NumberConstructor };

const COLUMNS: ReadonlyArray<{ header: string; width: number; cell: (p: ProjectSummaryView) => Cell }> = [
  { header: '项目编号', width: 32, cell: (p) => ({ value: p.id }) },
  { header: '项目名称', width: 36, cell: (p) => ({ value: p.title }) },
  { header: '党建联合体', width: 30, cell: (p) => ({ value: p.allianceName }) },
  { header: '状态', width: 10, cell: (p) => ({ value: PROJECT_STATUS_LABELS[p.status] }) },
  { header: '负责单位', width: 28, cell: (p) => ({ value: p.ownerOrgName }) },
  { header: '项目负责人', width: 12, cell: (p) => ({ value: p.ownerName }) },
  { header: '认领单位', width: 36, cell: (p) => ({ value: p.claimOrgNames.join('、') || null }) },
  // Money is integer 分 inside; the sheet shows 元 with two decimals, exactly.
  { header: '预算（元）', width: 16, cell: (p) => ({ value: p.budgetFen / 100, type: Number, format: '#,##0.00' }) },
  { header: '开始日期', width: 12, cell: (p) => ({ value: p.startOn }) },
  { header: '完成期限', width: 12, cell: (p) => ({ value: p.dueOn }) },
  { header: '进度（%）', width: 10, cell: (p) => ({ value: p.progressBp / 100, type: Number, format: '0.00' }) },
  { header: '预警', width: 8, cell: (p) => ({ value: WARNING_LABELS[p.warning] }) },
  { header: '预警原因', width: 36, cell: (p) => ({ value: p.warningReason }) },
  { header: '是否逾期', width: 10, cell: (p) => ({ value: p.overdue ? '是' : '否' }) },
];

/** Upper bound of one export: every project of a county many times over. */
const MAX_ROWS = 20_000;

/** The filtered project list as .xlsx, the way officials pass lists around. */
export async function exportProjects({ ctx, input }: { ctx: Ctx; input: Omit<ProjectListQuery, 'cursor' | 'limit'> }): Promise<Uint8Array<ArrayBuffer>> {
  const rows: ProjectSummaryView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listProjects({ ctx, input: { ...input, cursor, limit: 100 } });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_ROWS);
  const header = COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const body = rows.map((p) => COLUMNS.map((c) => c.cell(p)));
  return writeWorkbook([{ sheet: '项目清单', data: [header, ...body], columns: COLUMNS.map((c) => ({ width: c.width })), stickyRowsCount: 1 }]);
}
