import { OrgCreateSchema, OrgUpdateSchema } from '@ronghe/schema';
import type { Organization, OrgCreateInput, OrgUpdateInput } from '../../api/types.ts';

// Turning what antd's inputs hold (empty strings, undefined) into the API's
// shape, so the shared zod schemas judge exactly what will be sent.

export const EDITABLE = [
  'parentId',
  'name',
  'kind',
  'domain',
  'divisionCode',
  'isExternal',
  'externalRegion',
  'secretaryName',
  'secretaryPhone',
  'liaisonName',
  'liaisonPhone',
  'memberCount',
  'qualityStatus',
  'weakFlag',
] as const;
export type EditableField = (typeof EDITABLE)[number];
export const EDITABLE_SET: ReadonlySet<string> = new Set(EDITABLE);
export const PHONE_FIELDS: readonly EditableField[] = ['secretaryPhone', 'liaisonPhone'];

export type FormValues = Partial<Record<EditableField, unknown>>;

/** One field's input value in API form: trimmed text, empty → null. */
export function normalizeField(field: EditableField, value: unknown): unknown {
  switch (field) {
    case 'isExternal':
    case 'weakFlag':
      return Boolean(value);
    case 'memberCount':
      return value === null || value === undefined || value === '' ? undefined : value;
    case 'parentId':
      return value === undefined || value === '' ? null : value;
    case 'name':
    case 'kind':
    case 'domain':
    case 'qualityStatus':
      return typeof value === 'string' ? value.trim() || undefined : value;
    default:
      if (value === undefined || value === null) return null;
      return typeof value === 'string' ? value.trim() || null : value;
  }
}

function normalizeAll(values: FormValues): Record<EditableField, unknown> {
  const out = {} as Record<EditableField, unknown>;
  for (const f of EDITABLE) out[f] = normalizeField(f, values[f]);
  // A region only means something for an external member unit.
  if (!out.isExternal) out.externalRegion = null;
  return out;
}

export function createPayload(values: FormValues): unknown {
  const all = normalizeAll(values);
  const payload: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) if (v !== null && v !== undefined) payload[k] = v;
  return payload;
}

/** Only what changed, so a PATCH never rewrites fields the user did not touch. */
export function updatePayload(values: FormValues, original: Organization, skip: ReadonlySet<string>): Record<string, unknown> {
  const all = normalizeAll(values);
  const before = normalizeAll(toFormValues(original));
  const payload: Record<string, unknown> = {};
  for (const f of EDITABLE) {
    if (skip.has(f)) continue;
    if (all[f] === undefined) continue;
    if (all[f] !== before[f]) payload[f] = all[f];
  }
  return payload;
}

export function toFormValues(org: Organization): FormValues {
  return {
    parentId: org.parentId ?? undefined,
    name: org.name,
    kind: org.kind,
    domain: org.domain,
    divisionCode: org.divisionCode ?? '',
    isExternal: org.isExternal,
    externalRegion: org.externalRegion ?? '',
    secretaryName: org.secretaryName ?? '',
    secretaryPhone: org.secretaryPhone ?? '',
    liaisonName: org.liaisonName ?? '',
    liaisonPhone: org.liaisonPhone ?? '',
    memberCount: org.memberCount,
    qualityStatus: org.qualityStatus,
    weakFlag: org.weakFlag,
  };
}

export const validateCreate = (payload: unknown) => OrgCreateSchema.safeParse(payload);
export const validateUpdate = (payload: unknown) => OrgUpdateSchema.safeParse(payload);
export type { OrgCreateInput, OrgUpdateInput };

/** antd rule running the shared schema's own rule for one field, for feedback while typing. */
export function fieldRule(field: EditableField) {
  const schema = OrgCreateSchema.shape[field];
  return {
    validator: async (_: unknown, value: unknown) => {
      const v = normalizeField(field, value);
      // Absent values are the `required` rule's business, with its own message.
      if (v === undefined) return;
      const r = schema.safeParse(v);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
    },
  };
}
