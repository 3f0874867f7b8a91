import { maskPhone } from '@ronghe/core';
import { readImportSheet, writeWorkbook, type RawCell } from '@ronghe/core/xlsx';
import { ORG_DOMAINS, ORG_KINDS, ORG_STATUS_LABELS, QUALITY_STATUSES } from '@ronghe/schema';
import type { OrgRow } from './view.ts';

/**
 * The organization workbook: one header row of Chinese column titles, one
 * organization per row. Export and import share these columns, so an export
 * edited in Excel imports back (rows with 组织编号 update, rows without create).
 */
export const ORG_COLUMNS = [
  { key: 'id', header: '组织编号', width: 32, hint: '留空为新增；填写已有编号为更新' },
  { key: 'name', header: '组织名称', width: 36, required: true },
  { key: 'parent', header: '上级组织', width: 36, hint: '上级组织编号或全称；顶层留空' },
  { key: 'kind', header: '组织类别', width: 12, required: true },
  { key: 'domain', header: '所属领域', width: 14, required: true },
  { key: 'divisionCode', header: '行政区划代码', width: 16 },
  { key: 'isExternal', header: '外部成员单位', width: 12, hint: '是/否' },
  { key: 'externalRegion', header: '外部所在地区', width: 18 },
  { key: 'secretaryName', header: '书记姓名', width: 12 },
  { key: 'secretaryPhone', header: '书记电话', width: 16 },
  { key: 'liaisonName', header: '联络员姓名', width: 12 },
  { key: 'liaisonPhone', header: '联络员电话', width: 16 },
  { key: 'memberCount', header: '党员人数', width: 10 },
  { key: 'qualityStatus', header: '达标状态', width: 18 },
  { key: 'qualityYear', header: '评定年度', width: 10, hint: '达标状态高于“未达标”的新组织必填，如 2023' },
  { key: 'qualityDesignatedBy', header: '评定单位', width: 22, hint: '达标状态高于“未达标”的新组织必填，如 中共红山区委员会' },
  { key: 'weakFlag', header: '软弱涣散', width: 10, hint: '是/否' },
] as const;

export type OrgColumnKey = (typeof ORG_COLUMNS)[number]['key'];
export type { RawCell };
export interface RawOrgRow {
  /** 1-based spreadsheet row number, as Excel shows it (the header is row 1). */
  row: number;
  cells: Partial<Record<OrgColumnKey, RawCell>>;
}

/** Extra columns only the export carries (read-only on import). */
const EXPORT_ONLY = [
  { header: '状态', width: 8 },
  { header: '停用原因', width: 20 },
] as const;

const MAX_ROWS = 20_000;

export async function readOrgSheet(bytes: ArrayBuffer): Promise<RawOrgRow[]> {
  return readImportSheet(bytes, ORG_COLUMNS, MAX_ROWS);
}

const yesNo = (v: boolean) => (v ? '是' : '否');

export async function writeOrgSheet(rows: readonly OrgRow[], opts: { maskPhones: (row: OrgRow) => boolean }): Promise<Uint8Array<ArrayBuffer>> {
  const headerRow = [...ORG_COLUMNS.map((c) => c.header), ...EXPORT_ONLY.map((c) => c.header)].map((value) => ({
    value,
    fontWeight: 'bold' as const,
  }));
  const body = rows.map((r) => {
    const masked = opts.maskPhones(r);
    const mask = (p: string | null) => (masked ? maskPhone(p) : p);
    return [
      r.id,
      r.name,
      // The parent by its full name, as people read it; import resolves a name (or an id) back to the parent.
      r.parentName,
      r.kind,
      r.domain,
      r.divisionCode,
      yesNo(r.isExternal),
      r.externalRegion,
      r.secretaryName,
      mask(r.secretaryPhone),
      r.liaisonName,
      mask(r.liaisonPhone),
      r.memberCount,
      r.qualityStatus,
      r.qualityYear,
      r.qualityDesignatedBy,
      yesNo(r.weakFlag),
      ORG_STATUS_LABELS[r.status],
      r.deactivationReason,
    ].map((value) => ({ value: value ?? null }));
  });
  return writeWorkbook([{ sheet: '党组织', data: [headerRow, ...body], columns: [...ORG_COLUMNS, ...EXPORT_ONLY].map((c) => ({ width: c.width })), stickyRowsCount: 1 }]);
}

/** An empty workbook with the headers, and a second sheet explaining each column and its allowed values. */
export async function writeOrgTemplate(): Promise<Uint8Array<ArrayBuffer>> {
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const header = ORG_COLUMNS.map((c) => bold('required' in c && c.required ? `${c.header} *` : c.header));
  const allowed: Partial<Record<OrgColumnKey, string>> = {
    kind: ORG_KINDS.join('、'),
    domain: ORG_DOMAINS.join('、'),
    qualityStatus: QUALITY_STATUSES.join('、'),
    isExternal: '是、否',
    weakFlag: '是、否',
    secretaryPhone: '11 位手机号或 0476-8888888 式固定电话',
    liaisonPhone: '11 位手机号或 0476-8888888 式固定电话',
    memberCount: '0 及以上整数',
    divisionCode: '6、9 或 12 位数字（GB/T 2260）',
  };
  const guide = [
    [bold('列名'), bold('是否必填'), bold('说明'), bold('可填写的值')],
    ...ORG_COLUMNS.map((c) => [
      { value: c.header },
      { value: 'required' in c && c.required ? '必填' : '选填' },
      { value: 'hint' in c ? c.hint : null },
      { value: allowed[c.key] ?? null },
    ]),
  ];
  return writeWorkbook([
    { data: [header], sheet: '党组织', columns: ORG_COLUMNS.map((c) => ({ width: c.width })), stickyRowsCount: 1 },
    { data: guide, sheet: '填写说明', columns: [{ width: 14 }, { width: 10 }, { width: 36 }, { width: 80 }] },
  ]);
}
