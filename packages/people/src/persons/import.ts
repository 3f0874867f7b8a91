import { or } from 'drizzle-orm';
import { AppError, inList, newId, pinyinSortKey, throwIfImportErrors, writeImport, type Ctx, type FieldError } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { activeOrgsForLookup } from '@ronghe/registry/read';
import { PERSON_KIND_LABELS, people, personFields, type Person, type PersonKind } from '@ronghe/schema';
import type { z } from 'zod';
import { kindProblems } from './rules.ts';
import { PERSON_COLUMNS, readPersonSheet, type PersonColumnKey, type RawCell, type RawPersonRow } from './sheet.ts';
import { snapshot } from './view.ts';

const HEADER = Object.fromEntries(PERSON_COLUMNS.map((c) => [c.key, c.header])) as Record<PersonColumnKey, string>;
const KIND_BY_LABEL = new Map(Object.entries(PERSON_KIND_LABELS).map(([code, label]) => [label, code as PersonKind]));
/** A cell the export masked (138****5678): "keep what is registered". */
const MASKED = /\*/;

type Fields = Pick<Person, 'name' | 'kind' | 'partyStanding' | 'homeOrgId' | 'inService' | 'workUnit' | 'skills' | 'phone' | 'idNumber'>;
const FIELD_KEYS = ['name', 'kind', 'partyStanding', 'homeOrgId', 'inService', 'workUnit', 'skills', 'phone', 'idNumber'] as const;

function text(v: RawCell | undefined): string | null {
  if (v == null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

function cellError(row: number, column: PersonColumnKey, message: string): FieldError {
  return { path: `rows.${row}.${column}`, row, column: HEADER[column], message };
}

function check<T>(schema: z.ZodType<T>, value: unknown, row: number, column: PersonColumnKey, errors: FieldError[]): T | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  errors.push(cellError(row, column, r.error.issues[0]?.message ?? '格式不正确'));
  return null;
}

export interface PersonImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports a people workbook, all or nothing: every row is validated (cell
 * errors in Chinese with row and column), home organizations are resolved by
 * id, division code or unique full name, and the file lands in one D1 batch of
 * json_each statements (one bound value each, far below D1's limits) with one
 * audit row per person.
 */
export async function importPeople({ ctx, input }: { ctx: Ctx; input: { bytes: ArrayBuffer } }): Promise<PersonImportResult> {
  if (!allows(ctx.actor, 'person.import', {})) throw new AppError('forbidden', '当前角色无权导入人员');
  const raw = await readPersonSheet(input.bytes);
  const errors: FieldError[] = [];

  const orgs = await activeOrgsForLookup(ctx);
  const orgIds = new Set(orgs.map((o) => o.id));
  const byName = new Map<string, string[]>();
  const byCode = new Map<string, string[]>();
  for (const o of orgs) {
    byName.set(o.name, [...(byName.get(o.name) ?? []), o.id]);
    if (o.divisionCode) byCode.set(o.divisionCode, [...(byCode.get(o.divisionCode) ?? []), o.id]);
  }
  // Only the people the file names: by id (the rows it updates) or by identity number (whom a number already belongs to).
  const fileIds = raw.flatMap(({ cells }) => text(cells.id) ?? []);
  const fileIdNumbers = raw.flatMap(({ cells }) => text(cells.idNumber)?.toUpperCase() ?? []).filter((v) => !MASKED.test(v));
  const existing = fileIds.length || fileIdNumbers.length ? await ctx.db.select().from(people).where(or(inList(people.id, fileIds), inList(people.idNumber, fileIdNumbers))) : [];
  const byId = new Map(existing.map((p) => [p.id, p]));
  const idNumberOwner = new Map(existing.filter((p) => p.idNumber).map((p) => [p.idNumber!, p.id]));

  const now = ctx.clock.now();
  const inserts: Person[] = [];
  const updates: Array<{ before: Person; after: Person }> = [];
  let unchanged = 0;
  const seenIds = new Map<string, number>();
  const seenIdNumbers = new Map<string, number>();

  for (const r of raw) parseRow(r);

  function resolveOrg(ref: string, row: number): string | null {
    if (/^org_[0-9a-z]{26}$/.test(ref)) {
      if (!orgIds.has(ref)) errors.push(cellError(row, 'homeOrg', `党组织编号 ${ref} 不存在或已停用`));
      return ref;
    }
    const hits = /^\d{6,12}$/.test(ref) ? (byCode.get(ref) ?? []) : (byName.get(ref) ?? []);
    if (hits.length === 0) errors.push(cellError(row, 'homeOrg', `找不到“${ref}”对应的在用党组织`));
    else if (hits.length > 1) errors.push(cellError(row, 'homeOrg', `“${ref}”对应的党组织不止一个，请改填组织编号`));
    return hits[0] ?? null;
  }

  function parseRow({ row, cells: c }: RawPersonRow) {
    const id = text(c.id);
    const before = id ? byId.get(id) : undefined;
    if (id) {
      if (!before) errors.push(cellError(row, 'id', `人员编号 ${id} 不存在（新增人员请留空）`));
      else if (before.status !== 'active') errors.push(cellError(row, 'id', '该人员已转出，不能通过导入修改'));
      const dup = seenIds.get(id);
      if (dup) errors.push(cellError(row, 'id', `与第 ${dup} 行的人员编号重复`));
      seenIds.set(id, row);
    }
    const nameRaw = text(c.name);
    if (nameRaw == null) errors.push(cellError(row, 'name', '姓名不能为空'));
    const kindRaw = text(c.kind);
    let kind: PersonKind = 'party_member';
    if (kindRaw == null) errors.push(cellError(row, 'kind', '人员类别不能为空'));
    else if (!KIND_BY_LABEL.has(kindRaw)) errors.push(cellError(row, 'kind', `人员类别须为：${[...KIND_BY_LABEL.keys()].join('、')}`));
    else kind = KIND_BY_LABEL.get(kindRaw)!;
    const inServiceRaw = c.inService;
    let inService = false;
    if (typeof inServiceRaw === 'boolean') inService = inServiceRaw;
    else {
      const s = text(inServiceRaw);
      if (s === '是' || s === '1') inService = true;
      else if (s != null && s !== '否' && s !== '0') errors.push(cellError(row, 'inService', '请填写“是”或“否”'));
    }
    const skillsRaw = text(c.skills);
    const skills = skillsRaw == null ? [] : (check(personFields.skills, skillsRaw.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean), row, 'skills', errors) ?? []);
    const homeRef = text(c.homeOrg);
    // A masked cell comes from an export: the registered value stays; a new person cannot start from one.
    const pii = (key: 'phone' | 'idNumber', schema: z.ZodType<string | null>): string | null => {
      const v = text(c[key]);
      if (v != null && MASKED.test(v)) {
        if (!before) errors.push(cellError(row, key, `新增人员的${HEADER[key]}不能是打码号码`));
        return before?.[key] ?? null;
      }
      return check(schema, v, row, key, errors);
    };
    const fields: Fields = {
      name: nameRaw == null ? '' : (check(personFields.name, nameRaw, row, 'name', errors) ?? ''),
      kind,
      partyStanding: check(personFields.partyStanding, text(c.partyStanding), row, 'partyStanding', errors),
      homeOrgId: homeRef ? resolveOrg(homeRef, row) : null,
      inService,
      workUnit: check(personFields.workUnit, text(c.workUnit), row, 'workUnit', errors),
      skills,
      phone: pii('phone', personFields.phone),
      idNumber: pii('idNumber', personFields.idNumber),
    };
    for (const e of kindProblems(fields)) {
      const key = e.path.replace(/^body\./, '');
      errors.push(cellError(row, key === 'homeOrgId' ? 'homeOrg' : (key as PersonColumnKey), e.message));
    }
    const personId = before?.id ?? newId('psn', now);
    if (fields.idNumber) {
      const dup = seenIdNumbers.get(fields.idNumber);
      if (dup) errors.push(cellError(row, 'idNumber', `与第 ${dup} 行的身份证号重复`));
      seenIdNumbers.set(fields.idNumber, row);
      const owner = idNumberOwner.get(fields.idNumber);
      // Held by someone this file does not also change it away from.
      if (owner && owner !== personId && !seenIds.has(owner)) errors.push(cellError(row, 'idNumber', '该身份证号已登记在另一人员名下'));
    }
    if (!before) {
      inserts.push({
        id: personId, ...fields, sortKey: pinyinSortKey(fields.name), userId: null, status: 'active', leftOn: null, leftReason: null,
        version: 1, createdAt: now, updatedAt: now,
      });
      return;
    }
    if (FIELD_KEYS.every((k) => JSON.stringify(before[k]) === JSON.stringify(fields[k]))) {
      unchanged++;
      return;
    }
    updates.push({ before, after: { ...before, ...fields, sortKey: pinyinSortKey(fields.name), version: before.version + 1, updatedAt: now } });
  }

  throwIfImportErrors(errors);
  await writeImport(ctx, {
    table: people,
    entityType: 'person',
    actions: { create: 'person.import_create', update: 'person.import_update' },
    inserts,
    updates,
    snapshot,
    updateWhere: "people.status = 'active'",
    staleMessage: '导入期间部分人员已被他人修改，未导入任何数据，请重新导出后再导入',
  });
  return { created: inserts.length, updated: updates.length, unchanged };
}
