import { readSheet } from 'read-excel-file/universal';
import { AppError, newId, primaryRole, type Ctx, type FieldError } from '@ronghe/core';
import { fromSpreadsheetText, writeWorkbook } from '@ronghe/core/xlsx';
import { LOCALITY_LABELS, NEED_STATUS_LABELS, RESOURCE_STATUS_LABELS, URGENCY_LABELS, type LocalityLevel, type NeedView, type ResourceView, type Urgency } from '@ronghe/schema';
import type { z } from 'zod';
import { orgNamesById } from '@ronghe/registry/read';
import { currentMemberIds } from '../shared/alliance.ts';
import { insertJson } from '../shared/writes.ts';
import { loadCategories } from '../categories/lookup.ts';
import { listPlaces } from '../places/list.ts';

// Needs and resources travel as Excel, the way officials pass lists around.
// One column list per kind serves the export, the template and the import,
// so an edited template imports back; names (category, place, organization,
// urgency) are written as people write them and resolved on import.

type Cell = string | number | null;
interface Column<V> {
  key: string;
  header: string;
  width: number;
  required?: boolean;
  /** Export only: not read on import. */
  readOnly?: boolean;
  hint?: string;
  /** `places`: division code → place name, so a sheet says 铁南街道 where the row stores 150402001. */
  value: (v: V, places: ReadonlyMap<string, string>) => Cell;
}

/** The place's name; the bare code only when no organization of the county carries it any more (it still imports back). */
const placeCell = (places: ReadonlyMap<string, string>, code: string | null): Cell => (code ? (places.get(code) ?? code) : null);

export const NEED_COLUMNS: Column<NeedView>[] = [
  { key: 'id', header: '需求编号', width: 32, readOnly: true, value: (n) => n.id },
  { key: 'title', header: '需求名称', width: 30, required: true, value: (n) => n.title },
  { key: 'source', header: '需求来源', width: 12, required: true, hint: '群众点单/成员单位/问题清单/第三方应用', value: (n) => n.source },
  { key: 'category', header: '类别', width: 12, required: true, value: (n) => n.categoryName },
  { key: 'quantity', header: '数量', width: 8, required: true, value: (n) => n.quantity },
  { key: 'unit', header: '单位', width: 8, required: true, value: (n) => n.unit },
  { key: 'urgency', header: '紧急程度', width: 10, required: true, hint: '一般/较急/紧急/特急', value: (n) => URGENCY_LABELS[n.urgency as Urgency] },
  { key: 'deadline', header: '截止日期', width: 12, required: true, hint: 'YYYY-MM-DD', value: (n) => n.deadline },
  { key: 'street', header: '街道（苏木乡镇）', width: 18, hint: '名称或 9 位区划代码', value: (n, places) => placeCell(places, n.streetCode) },
  { key: 'community', header: '社区（嘎查村）', width: 18, hint: '名称或 12 位区划代码', value: (n, places) => placeCell(places, n.communityCode) },
  { key: 'gridName', header: '网格', width: 12, value: (n) => n.gridName },
  { key: 'address', header: '地址', width: 24, value: (n) => n.address },
  { key: 'raisedBy', header: '提出单位', width: 28, hint: '成员单位全称或编号', value: (n) => n.raisedByOrgName },
  { key: 'raiserName', header: '提出人', width: 10, value: (n) => n.raiserName },
  { key: 'raiserPhone', header: '联系电话', width: 14, value: (n) => n.raiserPhone },
  { key: 'description', header: '需求描述', width: 40, value: (n) => n.description },
  { key: 'alliance', header: '党建联合体', width: 30, readOnly: true, value: (n) => n.allianceName },
  { key: 'status', header: '状态', width: 10, readOnly: true, value: (n) => NEED_STATUS_LABELS[n.status] },
  { key: 'overdue', header: '是否逾期', width: 10, readOnly: true, value: (n) => (n.overdue ? '是' : '否') },
  { key: 'committed', header: '已承诺', width: 8, readOnly: true, value: (n) => n.committedQty },
  { key: 'inDelivery', header: '实施中', width: 8, readOnly: true, value: (n) => n.inDeliveryQty },
  { key: 'fulfilled', header: '已满足', width: 8, readOnly: true, value: (n) => n.fulfilledQty },
];

export const RESOURCE_COLUMNS: Column<ResourceView>[] = [
  { key: 'id', header: '资源编号', width: 32, readOnly: true, value: (r) => r.id },
  { key: 'title', header: '资源名称', width: 30, required: true, value: (r) => r.title },
  { key: 'offeringOrg', header: '提供单位', width: 28, required: true, hint: '成员单位全称或编号', value: (r) => r.offeringOrgName },
  { key: 'kind', header: '资源类型', width: 10, required: true, hint: '人才/资金/服务/阵地/物资/技术', value: (r) => r.kind },
  { key: 'category', header: '类别', width: 12, required: true, value: (r) => r.categoryName },
  { key: 'capacity', header: '可提供数量', width: 10, required: true, value: (r) => r.capacity },
  { key: 'unit', header: '单位', width: 8, required: true, value: (r) => r.unit },
  { key: 'scope', header: '服务范围', width: 16, required: true, hint: '本网格/本社区（村）/本街道（苏木乡镇）/全旗县区', value: (r) => LOCALITY_LABELS[r.scope] },
  { key: 'radiusM', header: '服务半径（米）', width: 12, value: (r) => r.radiusM },
  { key: 'street', header: '街道（苏木乡镇）', width: 18, hint: '名称或 9 位区划代码', value: (r, places) => placeCell(places, r.streetCode) },
  { key: 'community', header: '社区（嘎查村）', width: 18, hint: '名称或 12 位区划代码', value: (r, places) => placeCell(places, r.communityCode) },
  { key: 'gridName', header: '网格', width: 12, value: (r) => r.gridName },
  { key: 'address', header: '地址', width: 24, value: (r) => r.address },
  { key: 'availableFrom', header: '可用开始日期', width: 12, value: (r) => r.availableFrom },
  { key: 'availableTo', header: '可用结束日期', width: 12, value: (r) => r.availableTo },
  { key: 'contactName', header: '联系人', width: 10, value: (r) => r.contactName },
  { key: 'contactPhone', header: '联系电话', width: 14, value: (r) => r.contactPhone },
  { key: 'description', header: '资源描述', width: 40, value: (r) => r.description },
  { key: 'alliance', header: '党建联合体', width: 30, readOnly: true, value: (r) => r.allianceName },
  { key: 'status', header: '状态', width: 10, readOnly: true, value: (r) => RESOURCE_STATUS_LABELS[r.status] },
  { key: 'allocated', header: '已对接', width: 8, readOnly: true, value: (r) => r.allocatedQty },
];

export async function writeSheet<V>(sheet: string, columns: Column<V>[], rows: V[], template = false, places: ReadonlyMap<string, string> = new Map()): Promise<Uint8Array<ArrayBuffer>> {
  const cols = template ? columns.filter((c) => !c.readOnly) : columns;
  const header = cols.map((c) => ({ value: c.required && template ? `${c.header} *` : c.header, fontWeight: 'bold' as const }));
  const data: Array<Array<{ value: Cell }>> = template
    ? [cols.map((c) => ({ value: c.hint ?? null }))]
    : rows.map((r) => cols.map((c) => ({ value: c.value(r, places) ?? null })));
  return writeWorkbook([{ sheet, data: [header, ...data], columns: cols.map((c) => ({ width: c.width })), stickyRowsCount: 1 }]);
}

// ── import ────────────────────────────────────────────────────────────────

// The same ceiling as the organization import: a county's whole list in one file (a 20 MB workbook holds it).
const MAX_ROWS = 20_000;
const MAX_REPORTED = 500;

type Raw = { row: number; cells: Record<string, unknown> };

export async function readRows<V>(bytes: ArrayBuffer, columns: Column<V>[]): Promise<Raw[]> {
  let data: unknown[][];
  try {
    data = (await readSheet(bytes)) as unknown[][];
  } catch {
    throw new AppError('validation_failed', '无法读取文件：请上传 Excel .xlsx 文件（可先下载导入模板）', { errors: [{ path: 'body', message: '文件不是有效的 .xlsx 表格' }] });
  }
  const header = (data[0] ?? []).map((h) => (h == null ? '' : String(h).trim().replace(/\s*\*$/, '')));
  const index = new Map<string, number>();
  for (const c of columns) if (!c.readOnly && header.includes(c.header)) index.set(c.key, header.indexOf(c.header));
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  if (missing.length) {
    throw new AppError('validation_failed', `表头缺少必填列：${missing.join('、')}`, { errors: missing.map((h) => ({ path: `header.${h}`, row: 1, column: h, message: `缺少“${h}”列` })) });
  }
  const hints = new Set(columns.map((c) => c.hint).filter(Boolean));
  const rows: Raw[] = [];
  for (let i = 1; i < data.length; i++) {
    const line = data[i] ?? [];
    if (line.every((v) => v == null || String(v).trim() === '')) continue;
    const cells: Record<string, unknown> = {};
    for (const [key, at] of index) {
      const v = line[at];
      // fromSpreadsheetText: an exported cell's formula guard comes off again, so an edited export imports back exactly;
      // NFC, so names looked up (category, place, organization) compare as the schemas store them.
      cells[key] = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? (v.trim() === '' ? null : fromSpreadsheetText(v.trim()).normalize('NFC')) : (v ?? null);
    }
    // The template's instruction row: every filled cell is a hint.
    if (Object.values(cells).every((v) => v == null || hints.has(String(v)))) continue;
    rows.push({ row: i + 1, cells });
  }
  if (!rows.length) throw new AppError('validation_failed', '表格中没有数据行', { errors: [{ path: 'body', message: '表格中没有数据行' }] });
  if (rows.length > MAX_ROWS) throw new AppError('validation_failed', `一次最多导入 ${MAX_ROWS} 行`, { errors: [{ path: 'body', message: `共 ${rows.length} 行，超过 ${MAX_ROWS} 行上限` }] });
  return rows;
}

/** Resolves the names people type to the ids the schemas take. */
export async function resolver(ctx: Ctx, allianceId: string) {
  const [cats, places, members] = await Promise.all([loadCategories(ctx), listPlaces({ ctx }), currentMemberIds(ctx, allianceId)]);
  const memberRows = await orgNamesById(ctx, [...members]);
  const orgByName = new Map(memberRows.map((o) => [o.name, o.id]));
  const catByName = new Map([...cats.values()].map((c) => [c.name, c.id]));
  // A name (as the export writes it) or a division code (as older sheets carry it). Community names repeat
  // across streets (两个“团结村”), so a community is looked for under the row's street first, exact names before prefixes.
  const place = (level: 'street' | 'community', v: unknown, streetCode?: string | null) => {
    if (v == null) return null;
    const s = String(v);
    if (/^\d+$/.test(s)) return s;
    const named = places.filter((p) => p.level === level);
    const inStreet = streetCode && !streetCode.startsWith('?') ? named.filter((p) => p.parentCode === streetCode) : [];
    const hit = [inStreet, named].flatMap((pool) => [pool.find((p) => p.name === s), pool.find((p) => p.name.startsWith(s))]).find(Boolean);
    return hit?.code ?? `?${s}`;
  };
  return {
    category: (v: unknown) => (v == null ? undefined : (catByName.get(String(v)) ?? (cats.has(String(v)) ? String(v) : `?${String(v)}`))),
    org: (v: unknown) => (v == null ? null : (orgByName.get(String(v)) ?? String(v))),
    street: (v: unknown) => place('street', v),
    /** `streetCode`: the row's street as resolved, to tell same-named communities apart. */
    community: (v: unknown, streetCode?: string | null) => place('community', v, streetCode),
    members,
  };
}

export const str = (v: unknown) => (v == null ? null : String(v));
export const num = (v: unknown) => (v == null ? undefined : typeof v === 'number' ? v : Number.isNaN(Number(v)) ? v : Number(v));
export const urgencyOf = (v: unknown) => {
  const found = Object.entries(URGENCY_LABELS).find(([, l]) => l === v);
  return found ? Number(found[0]) : num(v);
};
export const scopeOf = (v: unknown) => (Object.entries(LOCALITY_LABELS).find(([, l]) => l === v)?.[0] as LocalityLevel | undefined) ?? str(v);

export function issuesToCells<V>(columns: Column<V>[], fieldToColumn: Record<string, string>, row: number, issues: z.core.$ZodIssue[], errors: FieldError[], already: FieldError[] = []) {
  for (const i of issues) {
    const field = String(i.path[0] ?? '');
    const key = fieldToColumn[field] ?? field;
    if (already.some((e) => e.path === `rows.${row}.${key}`)) continue;
    const col = columns.find((c) => c.key === key);
    errors.push({ path: `rows.${row}.${key}`, row, column: col?.header ?? key, message: i.message });
  }
}

export function unresolved<V>(columns: Column<V>[], row: number, key: string, value: unknown, message: string, errors: FieldError[]) {
  if (typeof value === 'string' && value.startsWith('?')) errors.push({ path: `rows.${row}.${key}`, row, column: columns.find((c) => c.key === key)!.header, message });
}

export function refuseRows(errors: FieldError[], total: number): void {
  if (!errors.length) return;
  const rows = new Set(errors.map((e) => e.row)).size;
  throw new AppError('validation_failed', `共 ${total} 行，其中 ${rows} 行有错误，未导入任何数据；请按提示修改后重新上传`, { errors: errors.slice(0, MAX_REPORTED) });
}

export function auditRows(ctx: Ctx, action: string, entityType: string, rows: Array<{ id: string; after: unknown }>) {
  const at = ctx.clock.now();
  return insertJson(
    'audit_log',
    rows.map((r) => ({
      id: newId('aud', at),
      at,
      actor_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
      actor_role: primaryRole(ctx),
      action,
      entity_type: entityType,
      entity_id: r.id,
      before: null,
      after: JSON.stringify(r.after),
      request_id: ctx.requestId,
    })),
  );
}
