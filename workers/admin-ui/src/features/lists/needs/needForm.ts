import { NeedCreateSchema, NeedUpdateSchema } from '@ronghe/schema';
import dayjs, { type Dayjs } from 'dayjs';
import type { NeedView } from '../../../api/list-endpoints.ts';
import { changedFields, text, withoutBlanks } from '../../../lib/payload.ts';
import { placePayload, placeToForm, PLACE_FIELDS, type PlaceValues } from '../../../lib/PlaceFields.tsx';

// What antd's inputs hold turned into the API's shape, so the shared zod
// schemas judge exactly what will be sent.

export const NEED_FIELDS = [
  'allianceId',
  'title',
  'description',
  'source',
  'categoryId',
  'quantity',
  'unit',
  ...PLACE_FIELDS,
  'urgency',
  'deadline',
  'raisedByOrgId',
  'raiserName',
  'raiserPhone',
] as const;
export const NEED_FIELD_SET: ReadonlySet<string> = new Set(NEED_FIELDS);

export interface NeedFormValues extends PlaceValues {
  allianceId?: string | null;
  title?: string;
  description?: string;
  source?: string;
  categoryId?: string;
  quantity?: number | null;
  unit?: string;
  urgency?: number;
  deadline?: Dayjs | null;
  raisedByOrgId?: string | null;
  raiserName?: string;
  raiserPhone?: string;
}


function editable(v: NeedFormValues) {
  return {
    title: text(v.title) ?? undefined,
    description: text(v.description),
    categoryId: v.categoryId || undefined,
    quantity: v.quantity ?? undefined,
    unit: text(v.unit) ?? undefined,
    ...placePayload(v),
    urgency: v.urgency,
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : undefined,
    raisedByOrgId: v.raisedByOrgId || null,
    raiserName: text(v.raiserName),
    raiserPhone: text(v.raiserPhone),
  };
}

/** The create body: nulls are left out, the schema fills nothing in. */
export function needCreatePayload(v: NeedFormValues): Record<string, unknown> {
  const all: Record<string, unknown> = { allianceId: v.allianceId || undefined, source: v.source, ...editable(v) };
  return withoutBlanks(all);
}

export function needToForm(n: NeedView): NeedFormValues {
  return {
    allianceId: n.allianceId,
    title: n.title,
    description: n.description ?? '',
    source: n.source,
    categoryId: n.categoryId,
    quantity: n.quantity,
    unit: n.unit,
    ...placeToForm(n),
    urgency: n.urgency,
    deadline: dayjs(n.deadline),
    raisedByOrgId: n.raisedByOrgId,
    raiserName: n.raiserName ?? '',
    raiserPhone: n.raiserPhone ?? '',
  };
}

/**
 * Only what changed, so a PATCH never rewrites fields the user did not touch.
 * A masked phone number (shown to people without the right to see it) is never sent back.
 */
export function needUpdatePayload(v: NeedFormValues, original: NeedView): Record<string, unknown> {
  return changedFields(editable(v), editable(needToForm(original)));
}

export const validateNeedCreate = (p: unknown) => NeedCreateSchema.safeParse(p);
export const validateNeedUpdate = (p: unknown) => NeedUpdateSchema.safeParse(p);
