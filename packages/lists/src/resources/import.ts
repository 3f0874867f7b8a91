import { writeBatch, type Ctx, type FieldError } from '@ronghe/core';
import { ResourceCreateSchema } from '@ronghe/schema';
import { assertListsOpen, requireAlliance } from '../shared/alliance.ts';
import { insertJson, toColumns } from '../shared/writes.ts';
import { assertMayOffer, resourceRow } from './fields.ts';
import { RESOURCE_COLUMNS, readRows, resolver, str, num, scopeOf, issuesToCells, unresolved, refuseRows, auditRows } from '../sheets/common.ts';

export async function importResources({ ctx, input }: { ctx: Ctx; input: { allianceId: string; bytes: ArrayBuffer } }) {
  const a = await requireAlliance(ctx, input.allianceId, 'query.allianceId');
  assertListsOpen(a, 'query.allianceId');
  const raw = await readRows(input.bytes, RESOURCE_COLUMNS);
  const r = await resolver(ctx, a.id);
  const errors: FieldError[] = [];
  const rows = [];
  const fieldToColumn = { categoryId: 'category', streetCode: 'street', communityCode: 'community', offeringOrgId: 'offeringOrg' };
  for (const { row, cells: c } of raw) {
    const streetCode = r.street(c.street);
    const candidate = {
      allianceId: a.id,
      offeringOrgId: r.org(c.offeringOrg),
      title: str(c.title),
      kind: str(c.kind),
      categoryId: r.category(c.category),
      capacity: num(c.capacity),
      unit: str(c.unit),
      scope: scopeOf(c.scope),
      radiusM: num(c.radiusM) ?? null,
      streetCode,
      communityCode: r.community(c.community, streetCode),
      gridName: str(c.gridName),
      address: str(c.address),
      availableFrom: str(c.availableFrom),
      availableTo: str(c.availableTo),
      contactName: str(c.contactName),
      contactPhone: str(c.contactPhone),
      description: str(c.description),
    };
    const before = errors.length;
    unresolved(RESOURCE_COLUMNS, row, 'category', candidate.categoryId, `类别“${String(c.category)}”不存在`, errors);
    unresolved(RESOURCE_COLUMNS, row, 'street', candidate.streetCode, `找不到街道“${String(c.street)}”`, errors);
    unresolved(RESOURCE_COLUMNS, row, 'community', candidate.communityCode, `找不到社区“${String(c.community)}”`, errors);
    if (candidate.offeringOrgId && !r.members.has(candidate.offeringOrgId)) {
      errors.push({ path: `rows.${row}.offeringOrg`, row, column: '提供单位', message: `“${String(c.offeringOrg)}”不是该联合体的现有成员单位` });
    }
    const parsed = ResourceCreateSchema.safeParse(candidate);
    if (!parsed.success) {
      issuesToCells(RESOURCE_COLUMNS, fieldToColumn, row, parsed.error.issues, errors, errors.slice(before));
      continue;
    }
    if (errors.length > before) continue;
    const v = parsed.data;
    if (v.streetCode && !v.streetCode.startsWith(ctx.tenant.code)) errors.push({ path: `rows.${row}.street`, row, column: '街道（苏木乡镇）', message: `街道不在${ctx.tenant.name}` });
    try {
      assertMayOffer(ctx, a, v.offeringOrgId);
    } catch {
      errors.push({ path: `rows.${row}.offeringOrg`, row, column: '提供单位', message: '您只能为本单位登记资源' });
    }
    rows.push(resourceRow(ctx, v));
  }
  refuseRows(errors, raw.length);
  await writeBatch(ctx.db, [...insertJson('resources', rows.map((x) => toColumns(x as unknown as Record<string, unknown>))), ...auditRows(ctx, 'resource.import', 'resource', rows.map((x) => ({ id: x.id, after: x })))]);
  return { created: rows.length };
}
