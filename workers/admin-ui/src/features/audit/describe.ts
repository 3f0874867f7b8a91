import { CODE_PATTERN, codedValueLabel, FIELD_LABELS, fieldLabel, ID_PATTERN, isReferenceField, VERBATIM_FIELDS } from './labels.ts';

// What an audit row's before/after reads like to a person: every field by its
// Chinese name, coded values in words, ids (internal references) left out,
// money in 元 and ratios in per cent. Pure, so the route test can run it over
// every audited write (test/api/audit-every-write.test.ts).

export interface DescribeOptions {
  entityType: string;
  /** Epoch ms → Beijing time as the page shows it. */
  time: (ms: number) => string;
  /** A county's slug → its name. */
  tenantName: (slug: string) => string;
}

const BASIS_POINTS = new Set(['contributionBp', 'progressBp']);
const FEN = new Set(['budgetFen', 'amountFen', 'allocatedFen', 'matchedFen']);
/** Fields holding a county's slug (a city round's recipient lives in a county; ADR 0025): shown by its name. */
const TENANT_FIELDS = new Set(['tenant', 'recipientTenant']);

const isTimeField = (f: string) => f.endsWith('At') || f === 'at';
export const isId = (v: unknown) => typeof v === 'string' && ID_PATTERN.test(v);
const isIdList = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isId);

/** A field people have nothing to read in: it holds only an internal reference. */
export function holdsOnlyIds(field: string, v: unknown): boolean {
  return isReferenceField(field) || isId(v) || isIdList(v);
}

/** One value in words; `parent` is the enclosing field of a nested object (a claim's status is a claim's). */
export function describeValue(field: string, v: unknown, o: DescribeOptions, parent?: string): string {
  if (v === undefined) return '（未记录）';
  if (v === null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  const coded = codedValueLabel(o.entityType, field, v, parent);
  if (coded !== undefined) return coded;
  if (typeof v === 'number') {
    if (isTimeField(field)) return o.time(v);
    if (BASIS_POINTS.has(field)) return `${(v / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
    if (FEN.has(field)) return `${(v / 100).toFixed(2)} 元`;
    return String(v);
  }
  if (typeof v === 'string') {
    if (TENANT_FIELDS.has(field)) return o.tenantName(v);
    if (isId(v)) return '（已记录）';
    return v;
  }
  if (Array.isArray(v)) {
    if (isIdList(v)) return `${v.length} 项`;
    return v.map((item) => describeValue(field, item, o, parent)).join('；') || '（无）';
  }
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([k, x]) => !holdsOnlyIds(k, x))
      .map(([k, x]) => `${fieldLabel(k)}：${describeValue(k, x, o, field)}`);
    return parts.join('，') || '（已记录）';
  }
  return String(v);
}

/** Every field (nested ones too) this row records that the label table cannot name, and every coded value it cannot put in words. */
export function unnamed(entityType: string, v: unknown, parent?: string, field?: string): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => unnamed(entityType, x, parent, field));
  if (v && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => [
      ...(k in FIELD_LABELS ? [] : [`field ${k}`]),
      ...unnamed(entityType, x, field, k),
    ]);
  }
  if (field && (isReferenceField(field) || VERBATIM_FIELDS.has(field) || TENANT_FIELDS.has(field))) return [];
  if (field && typeof v === 'string' && CODE_PATTERN.test(v) && codedValueLabel(entityType, field, v, parent) === undefined) {
    return [`value ${field}=${v}`];
  }
  return [];
}
