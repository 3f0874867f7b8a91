import type { Ctx } from '@ronghe/core';
import { writeWorkbook } from '@ronghe/core/xlsx';
import { ALLIANCE_STATUS_LABELS, type AllianceListQuery, type AllianceSummary } from '@ronghe/schema';
import { listAlliances } from './list.ts';

const COLUMNS = [
  { header: '联合体编号', width: 32, value: (a: AllianceSummary) => a.id },
  { header: '联合体名称', width: 36, value: (a: AllianceSummary) => a.name },
  { header: '类型', width: 24, value: (a: AllianceSummary) => (a.typeNote ? `${a.type}（${a.typeNote}）` : a.type) },
  { header: '融合模式', width: 18, value: (a: AllianceSummary) => a.model },
  { header: '联建方式', width: 14, value: (a: AllianceSummary) => a.pairingForm },
  { header: '状态', width: 10, value: (a: AllianceSummary) => ALLIANCE_STATUS_LABELS[a.status] },
  { header: '牵头党组织', width: 30, value: (a: AllianceSummary) => a.leadOrgName },
  { header: '审批的上级党(工)委', width: 26, value: (a: AllianceSummary) => a.committeeOrgName },
  { header: '现有成员单位数', width: 14, value: (a: AllianceSummary) => a.memberCount },
  { header: '申请日期', width: 12, value: (a: AllianceSummary) => a.appliedOn },
  { header: '批准日期', width: 12, value: (a: AllianceSummary) => a.approvedOn },
  { header: '成立日期', width: 12, value: (a: AllianceSummary) => a.foundedOn },
] as const;

/** Upper bound of one export: every alliance of a county many times over. */
const MAX_ROWS = 10_000;

/** The filtered alliance list as .xlsx, the way officials pass lists around. */
export async function exportAlliances({ ctx, input }: { ctx: Ctx; input: Omit<AllianceListQuery, 'cursor' | 'limit'> }): Promise<Uint8Array<ArrayBuffer>> {
  const rows: AllianceSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAlliances({ ctx, input: { ...input, cursor, limit: 100 } });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_ROWS);
  const header = COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const body = rows.map((a) => COLUMNS.map((c) => ({ value: c.value(a) ?? null })));
  return writeWorkbook([{ sheet: '党建联合体', data: [header, ...body], columns: COLUMNS.map((c) => ({ width: c.width })), stickyRowsCount: 1 }]);
}
