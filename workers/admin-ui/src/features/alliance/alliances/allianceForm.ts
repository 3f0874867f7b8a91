import { AllianceCreateSchema, AllianceUpdateSchema } from '@ronghe/schema';
import type { AllianceDetail } from '../../../api/types.ts';
import { INDUSTRIAL_TYPE } from './labels.ts';

// What antd's inputs hold (empty strings, percents, undefined) turned into the
// API's shape, so the shared zod schemas judge exactly what will be sent.

export const FIELDS = [
  'name',
  'type',
  'typeNote',
  'model',
  'pairingForm',
  'vision',
  'commonNeeds',
  'leadOrgId',
  'committeeOrgId',
  'houseRules',
  'consortium',
  'members',
] as const;
export const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);

export interface MemberRow {
  orgId?: string | null;
  /** Percent as typed; the API takes basis points. */
  contributionPct?: number | null;
  consortiumRole?: string | null;
}

export interface FormValues {
  name?: string;
  type?: string;
  typeNote?: string;
  model?: string;
  pairingForm?: string;
  vision?: string;
  commonNeeds?: string;
  leadOrgId?: string | null;
  committeeOrgId?: string | null;
  houseRules?: string[];
  consortium?: { largeGrowers?: number | null; households?: number | null; householdsTotal?: number | null };
  members?: MemberRow[];
}

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

/** Percent → basis points, rounded the way the ratio is shown back (two decimals). */
export const toBp = (pct: number | null | undefined) => (pct === null || pct === undefined ? undefined : Math.round(pct * 100));
export const toPct = (bp: number) => bp / 100;

function consortiumOf(values: FormValues): Record<string, number | undefined> | null {
  if (values.type !== INDUSTRIAL_TYPE) return null;
  const c = values.consortium ?? {};
  return { largeGrowers: num(c.largeGrowers), households: num(c.households), householdsTotal: num(c.householdsTotal) };
}

function common(values: FormValues): Record<string, unknown> {
  return {
    name: trimmed(values.name) || undefined,
    type: values.type,
    typeNote: (trimmed(values.typeNote) as string | undefined) || null,
    model: values.model,
    pairingForm: values.pairingForm,
    vision: trimmed(values.vision) || undefined,
    commonNeeds: trimmed(values.commonNeeds) || undefined,
    leadOrgId: values.leadOrgId || undefined,
    committeeOrgId: values.committeeOrgId || undefined,
    houseRules: (values.houseRules ?? []).map((r) => r.trim()).filter(Boolean),
    consortium: consortiumOf(values),
  };
}

export function createPayload(values: FormValues): Record<string, unknown> {
  const all = common(values);
  const payload: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== null) payload[k] = v;
  const industrial = values.type === INDUSTRIAL_TYPE;
  const members = (values.members ?? []).filter((m) => m.orgId || m.contributionPct != null || m.consortiumRole);
  if (members.length) {
    payload.members = members.map((m) => {
      const row: Record<string, unknown> = { orgId: m.orgId ?? undefined };
      const bp = toBp(m.contributionPct);
      if (bp !== undefined) row.contributionBp = bp;
      if (industrial && m.consortiumRole) row.consortiumRole = m.consortiumRole;
      return row;
    });
  }
  return payload;
}

export function toFormValues(a: AllianceDetail): FormValues {
  return {
    name: a.name,
    type: a.type,
    typeNote: a.typeNote ?? '',
    model: a.model,
    pairingForm: a.pairingForm,
    vision: a.vision,
    commonNeeds: a.commonNeeds,
    leadOrgId: a.leadOrgId,
    committeeOrgId: a.committeeOrgId,
    houseRules: a.houseRules,
    consortium: a.consortium ?? undefined,
  };
}

/** Only what changed, so a PATCH never rewrites fields the user did not touch. */
export function updatePayload(values: FormValues, original: AllianceDetail): Record<string, unknown> {
  const now = common(values);
  const before = common(toFormValues(original));
  const payload: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(now)) {
    if (v === undefined) continue;
    if (JSON.stringify(v) !== JSON.stringify(before[k])) payload[k] = v;
  }
  return payload;
}

export const validateCreate = (payload: unknown) => AllianceCreateSchema.safeParse(payload);
export const validateUpdate = (payload: unknown) => AllianceUpdateSchema.safeParse(payload);

/** antd rule running the shared schema's own rule for one text field, for feedback while typing. */
export function fieldRule(field: 'name' | 'typeNote' | 'vision' | 'commonNeeds') {
  const schema = AllianceCreateSchema.shape[field];
  return {
    validator: async (_: unknown, value: unknown) => {
      const v = trimmed(value);
      if (v === undefined || v === '' || v === null) return;
      const r = schema.safeParse(v);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
    },
  };
}
