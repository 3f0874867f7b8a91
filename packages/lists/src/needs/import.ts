import { maskPhone, writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import { NeedCreateSchema } from '@ronghe/schema';
import { assertListsOpen, requireAlliance } from '../shared/alliance.ts';
import { insertJson, toColumns } from '../shared/writes.ts';
import { today } from '../shared/dates.ts';
import { assertMayRaise, needRow } from './fields.ts';
import { NEED_COLUMNS, readRows, resolver, str, num, urgencyOf, issuesToCells, unresolved, refuseRows, auditRows } from '../sheets/common.ts';

/** Imports needs into one alliance, all or nothing, with errors by row and column. */
export async function importNeeds({ ctx, input }: { ctx: Ctx; input: { allianceId: string; bytes: ArrayBuffer } }) {
  const a = await requireAlliance(ctx, input.allianceId, 'query.allianceId');
  assertListsOpen(a, 'query.allianceId');
  const raw = await readRows(input.bytes, NEED_COLUMNS);
  const r = await resolver(ctx, a.id);
  const errors: FieldError[] = [];
  const rows = [];
  const fieldToColumn = { categoryId: 'category', streetCode: 'street', communityCode: 'community', raisedByOrgId: 'raisedBy' };
  for (const { row, cells: c } of raw) {
    const streetCode = r.street(c.street);
    const candidate = {
      allianceId: a.id,
      title: str(c.title),
      source: str(c.source),
      categoryId: r.category(c.category),
      quantity: num(c.quantity),
      unit: str(c.unit),
      urgency: urgencyOf(c.urgency),
      deadline: str(c.deadline),
      streetCode,
      communityCode: r.community(c.community, streetCode),
      gridName: str(c.gridName),
      address: str(c.address),
      raisedByOrgId: r.org(c.raisedBy),
      raiserName: str(c.raiserName),
      raiserPhone: str(c.raiserPhone),
      description: str(c.description),
    };
    const before = errors.length;
    unresolved(NEED_COLUMNS, row, 'category', candidate.categoryId, `类别“${String(c.category)}”不存在`, errors);
    unresolved(NEED_COLUMNS, row, 'street', candidate.streetCode, `找不到街道“${String(c.street)}”`, errors);
    unresolved(NEED_COLUMNS, row, 'community', candidate.communityCode, `找不到社区“${String(c.community)}”`, errors);
    if (candidate.raisedByOrgId && !r.members.has(candidate.raisedByOrgId)) {
      errors.push({ path: `rows.${row}.raisedBy`, row, column: '提出单位', message: `“${String(c.raisedBy)}”不是该联合体的现有成员单位` });
    }
    const parsed = NeedCreateSchema.safeParse(candidate);
    if (!parsed.success) {
      // Every problem of the row at once; a name already reported as unknown is not reported again as malformed.
      issuesToCells(NEED_COLUMNS, fieldToColumn, row, parsed.error.issues, errors, errors.slice(before));
      continue;
    }
    if (errors.length > before) continue;
    const v = parsed.data;
    if (v.deadline < today(ctx)) errors.push({ path: `rows.${row}.deadline`, row, column: '截止日期', message: '截止日期不能早于今天' });
    if (v.streetCode && !v.streetCode.startsWith(ctx.tenant.code)) errors.push({ path: `rows.${row}.street`, row, column: '街道（苏木乡镇）', message: `街道不在${ctx.tenant.name}` });
    try {
      assertMayRaise(ctx, a, v.raisedByOrgId);
    } catch {
      errors.push({ path: `rows.${row}.raisedBy`, row, column: '提出单位', message: '您只能为本单位登记需求' });
    }
    rows.push(needRow(ctx, v));
  }
  refuseRows(errors, raw.length);
  await writeBatch(ctx.db, [
    ...insertJson('needs', rows.map((n) => toColumns(n as unknown as Record<string, unknown>))),
    ...auditRows(ctx, 'need.import', 'need', rows.map((n) => ({ id: n.id, after: { ...n, raiserPhone: maskPhone(n.raiserPhone) } }))),
  ]);
  return { created: rows.length };
}
