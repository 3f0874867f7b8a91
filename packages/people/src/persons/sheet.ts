import { maskPhone } from '@ronghe/core';
import { readImportSheet, writeWorkbook, type RawCell } from '@ronghe/core/xlsx';
import { PARTY_STANDINGS, PERSON_KIND_LABELS, PERSON_STATUS_LABELS } from '@ronghe/schema';
import type { PersonRow } from './rows.ts';
import { maskIdNumber } from './view.ts';

/**
 * The people workbook: one header row of Chinese column titles, one person per
 * row. Export and import share these columns, so an export edited in Excel
 * imports back (rows with 人员编号 update, rows without create); a masked
 * phone or identity number in a re-imported sheet means "unchanged".
 */
export const PERSON_COLUMNS = [
  { key: 'id', header: '人员编号', width: 32, hint: '留空为新增；填写已有编号为更新' },
  { key: 'name', header: '姓名', width: 12, required: true },
  { key: 'kind', header: '人员类别', width: 10, required: true },
  { key: 'partyStanding', header: '党员类别', width: 10, hint: '党员必填：正式 或 预备；志愿者不填' },
  { key: 'homeOrg', header: '所属党组织', width: 36, hint: '党组织全称、行政区划代码或组织编号；党员必填' },
  { key: 'inService', header: '在职党员', width: 10, hint: '是/否' },
  { key: 'workUnit', header: '工作单位', width: 24 },
  { key: 'skills', header: '特长', width: 24, hint: '多项用顿号“、”分隔，最多 10 项' },
  { key: 'phone', header: '手机号', width: 16 },
  { key: 'idNumber', header: '身份证号', width: 22, hint: '选填；18 位' },
] as const;

export type PersonColumnKey = (typeof PERSON_COLUMNS)[number]['key'];
export type { RawCell };
export interface RawPersonRow {
  /** 1-based spreadsheet row number (the header is row 1). */
  row: number;
  cells: Partial<Record<PersonColumnKey, RawCell>>;
}

const EXPORT_ONLY = [
  { header: '状态', width: 8 },
  { header: '转出日期', width: 12 },
] as const;

const MAX_ROWS = 20_000;

export async function readPersonSheet(bytes: ArrayBuffer): Promise<RawPersonRow[]> {
  return readImportSheet(bytes, PERSON_COLUMNS, MAX_ROWS);
}

const yesNo = (v: boolean) => (v ? '是' : '否');

export async function writePersonSheet(rows: readonly PersonRow[], opts: { fullPii: (row: PersonRow) => boolean }): Promise<Uint8Array<ArrayBuffer>> {
  const headerRow = [...PERSON_COLUMNS.map((c) => c.header), ...EXPORT_ONLY.map((c) => c.header)].map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = rows.map((r) => {
    const full = opts.fullPii(r);
    return [
      r.id,
      r.name,
      PERSON_KIND_LABELS[r.kind],
      r.partyStanding,
      r.homeOrgName,
      yesNo(r.inService),
      r.workUnit,
      r.skills.join('、'),
      full ? r.phone : maskPhone(r.phone),
      full ? r.idNumber : maskIdNumber(r.idNumber),
      PERSON_STATUS_LABELS[r.status],
      r.leftOn,
    ].map((value) => ({ value: value ?? null }));
  });
  return writeWorkbook([
    { sheet: '人员', data: [headerRow, ...body], columns: [...PERSON_COLUMNS, ...EXPORT_ONLY].map((c) => ({ width: c.width })), stickyRowsCount: 1 },
  ]);
}

export async function writePersonTemplate(): Promise<Uint8Array<ArrayBuffer>> {
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const header = PERSON_COLUMNS.map((c) => bold('required' in c && c.required ? `${c.header} *` : c.header));
  const allowed: Partial<Record<PersonColumnKey, string>> = {
    kind: Object.values(PERSON_KIND_LABELS).join('、'),
    partyStanding: PARTY_STANDINGS.join('、'),
    inService: '是、否',
    phone: '11 位手机号',
    idNumber: '18 位居民身份证号（最后一位可为 X）',
  };
  const guide = [
    [bold('列名'), bold('是否必填'), bold('说明'), bold('可填写的值')],
    ...PERSON_COLUMNS.map((c) => [
      { value: c.header },
      { value: 'required' in c && c.required ? '必填' : '选填' },
      { value: 'hint' in c ? c.hint : null },
      { value: allowed[c.key] ?? null },
    ]),
  ];
  return writeWorkbook([
    { data: [header], sheet: '人员', columns: PERSON_COLUMNS.map((c) => ({ width: c.width })), stickyRowsCount: 1 },
    { data: guide, sheet: '填写说明', columns: [{ width: 14 }, { width: 10 }, { width: 36 }, { width: 60 }] },
  ]);
}
