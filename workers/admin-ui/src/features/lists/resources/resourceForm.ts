import { ResourceCreateSchema, ResourceUpdateSchema } from '@ronghe/schema';
import dayjs, { type Dayjs } from 'dayjs';
import type { ResourceView } from '../../../api/list-endpoints.ts';
import { changedFields, text, withoutBlanks } from '../../../lib/payload.ts';
import { placePayload, placeToForm, PLACE_FIELDS, type PlaceValues } from '../../../lib/PlaceFields.tsx';

export const RESOURCE_FIELDS = [
  'allianceId',
  'offeringOrgId',
  'title',
  'description',
  'kind',
  'categoryId',
  'capacity',
  'unit',
  ...PLACE_FIELDS,
  'scope',
  'radiusM',
  'availableFrom',
  'availableTo',
  'window',
  'contactName',
  'contactPhone',
] as const;
export const RESOURCE_FIELD_SET: ReadonlySet<string> = new Set(RESOURCE_FIELDS);

export interface ResourceFormValues extends PlaceValues {
  allianceId?: string | null;
  offeringOrgId?: string | null;
  title?: string;
  description?: string;
  kind?: string;
  categoryId?: string;
  capacity?: number | null;
  unit?: string;
  scope?: string;
  radiusM?: number | null;
  /** 可用期: one range picker for availableFrom/availableTo; either end may be open. */
  window?: [Dayjs | null, Dayjs | null] | null;
  contactName?: string;
  contactPhone?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function editable(v: ResourceFormValues) {
  return {
    title: text(v.title) ?? undefined,
    description: text(v.description),
    kind: v.kind,
    categoryId: v.categoryId || undefined,
    capacity: v.capacity ?? undefined,
    unit: text(v.unit) ?? undefined,
    ...placePayload(v),
    scope: v.scope,
    radiusM: typeof v.radiusM === 'number' ? v.radiusM : null,
    availableFrom: day(v.window?.[0]),
    availableTo: day(v.window?.[1]),
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
  };
}

export function resourceCreatePayload(v: ResourceFormValues): Record<string, unknown> {
  const all: Record<string, unknown> = { allianceId: v.allianceId || undefined, offeringOrgId: v.offeringOrgId || undefined, ...editable(v) };
  return withoutBlanks(all);
}

export function resourceToForm(r: ResourceView): ResourceFormValues {
  return {
    allianceId: r.allianceId,
    offeringOrgId: r.offeringOrgId,
    title: r.title,
    description: r.description ?? '',
    kind: r.kind,
    categoryId: r.categoryId,
    capacity: r.capacity,
    unit: r.unit,
    ...placeToForm(r),
    scope: r.scope,
    radiusM: r.radiusM,
    window: r.availableFrom || r.availableTo ? [r.availableFrom ? dayjs(r.availableFrom) : null, r.availableTo ? dayjs(r.availableTo) : null] : null,
    contactName: r.contactName ?? '',
    contactPhone: r.contactPhone ?? '',
  };
}

export function resourceUpdatePayload(v: ResourceFormValues, original: ResourceView): Record<string, unknown> {
  return changedFields(editable(v), editable(resourceToForm(original)));
}

/** Errors on availableFrom/availableTo belong to the one range picker. */
export const renameWindow = (path: readonly PropertyKey[]) => (path[0] === 'availableFrom' || path[0] === 'availableTo' ? ['window', ...path.slice(1)] : path);

export const validateResourceCreate = (p: unknown) => ResourceCreateSchema.safeParse(p);
export const validateResourceUpdate = (p: unknown) => ResourceUpdateSchema.safeParse(p);
