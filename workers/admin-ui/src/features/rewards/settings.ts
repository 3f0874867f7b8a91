import type { RoundCreate, RoundView } from '@ronghe/schema';
import { fenToYuanInput, yuanToFen } from '../../lib/money.ts';
import { bpText, GRADES, hundredthsText, toHundredths, type Grade, type MethodKind } from './labels.ts';

/** The round editor's fields: amounts as 元 strings, scores and percents as decimal strings. */
export interface RoundFormValues {
  name?: string;
  year?: number;
  subject?: 'alliance' | 'branch';
  budgetYuan?: string;
  methodKind?: MethodKind;
  gradeTiers?: Partial<Record<Grade, string>>;
  designationTiers?: Array<{ designation?: string; amountYuan?: string }>;
  thresholdScore?: string;
  perPointYuan?: string;
  baseYuan?: string;
  uplifts?: Array<{ designation?: string; kind?: 'percent' | 'fixed'; percent?: string; fixedYuan?: string }>;
  minGrade?: Grade;
  anyDesignation?: string[];
  excludeUnderRectification?: boolean;
  requireMemberReport?: boolean;
  capYuan?: string;
  floorYuan?: string;
  note?: string;
  /** 配套 (county rounds; ADR 0025). */
  matchOn?: boolean;
  matchCityRoundId?: string;
  matchRatioCity?: number;
  matchRatioCounty?: number;
  matchBudgetYuan?: string;
  matchShortfallRule?: 'scale' | 'cap_in_order';
}

const fen = (s: string | undefined) => (s?.trim() ? (yuanToFen(s) ?? Number.NaN) : undefined);
const yuan = (f: number | undefined) => (f === undefined ? undefined : fenToYuanInput(f));

/** "30" or "12.5" (percent) → basis points, exactly. */
function percentBp(s: string | undefined): number {
  const h = toHundredths(s);
  return h === null ? Number.NaN : h;
}

/** The settings the API takes; a value the form could not read becomes NaN, which the shared schema refuses on its field. */
export function toSettings(v: RoundFormValues): Omit<RoundCreate, 'level' | 'matching'> & { matching: RoundCreate['matching'] | null } {
  const kind = v.methodKind ?? 'tiered_grade';
  const method: RoundCreate['method'] =
    kind === 'tiered_grade'
      ? { kind, tiers: Object.fromEntries(GRADES.filter((g) => v.gradeTiers?.[g]?.trim()).map((g) => [g, fen(v.gradeTiers![g])!])) }
      : kind === 'tiered_designation'
        ? { kind, tiers: (v.designationTiers ?? []).map((t) => ({ designation: t.designation as 'standardized', amountFen: fen(t.amountYuan) ?? Number.NaN })) }
        : kind === 'proportional'
          ? { kind, thresholdHundredths: toHundredths(v.thresholdScore) ?? Number.NaN, ...(v.perPointYuan?.trim() ? { fenPerPoint: fen(v.perPointYuan)! } : {}) }
          : {
              kind,
              baseFen: fen(v.baseYuan) ?? Number.NaN,
              uplifts: (v.uplifts ?? []).map((u) => ({
                designation: u.designation as 'standardized',
                ...(u.kind === 'fixed' ? { fixedFen: fen(u.fixedYuan) ?? Number.NaN } : { percentBp: percentBp(u.percent) }),
              })),
            };
  return {
    name: (v.name ?? '').trim(),
    year: v.year ?? Number.NaN,
    subject: v.subject ?? 'alliance',
    budgetFen: fen(v.budgetYuan) ?? Number.NaN,
    method,
    rules: {
      eligibility: {
        ...(v.minGrade ? { minGrade: v.minGrade } : {}),
        ...(v.anyDesignation?.length ? { anyDesignation: v.anyDesignation as Array<'standardized'> } : {}),
        excludeUnderRectification: v.excludeUnderRectification ?? false,
        requireMemberReport: v.requireMemberReport ?? false,
      },
      ...(v.capYuan?.trim() ? { capFen: fen(v.capYuan)! } : {}),
      ...(v.floorYuan?.trim() ? { floorFen: fen(v.floorYuan)! } : {}),
    },
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    matching: v.matchOn
      ? {
          cityRoundId: v.matchCityRoundId ?? '',
          ratioNum: v.matchRatioCounty ?? Number.NaN,
          ratioDen: v.matchRatioCity ?? Number.NaN,
          budgetFen: fen(v.matchBudgetYuan) ?? Number.NaN,
          shortfallRule: v.matchShortfallRule ?? 'scale',
        }
      : null,
  };
}

/** A stored round back in the editor's words. */
export function fromRound(r: RoundView): RoundFormValues {
  const m = r.method;
  const e = r.rules.eligibility;
  return {
    name: r.name,
    year: r.year,
    subject: r.subject,
    budgetYuan: fenToYuanInput(r.budgetFen),
    methodKind: m.kind,
    gradeTiers: m.kind === 'tiered_grade' ? Object.fromEntries(GRADES.filter((g) => m.tiers[g] !== undefined).map((g) => [g, yuan(m.tiers[g])])) : {},
    designationTiers: m.kind === 'tiered_designation' ? m.tiers.map((t) => ({ designation: t.designation, amountYuan: yuan(t.amountFen) })) : [{}],
    thresholdScore: m.kind === 'proportional' ? hundredthsText(m.thresholdHundredths) : undefined,
    perPointYuan: m.kind === 'proportional' ? yuan(m.fenPerPoint) : undefined,
    baseYuan: m.kind === 'base_uplift' ? yuan(m.baseFen) : undefined,
    uplifts:
      m.kind === 'base_uplift'
        ? m.uplifts.map((u) => (u.fixedFen !== undefined ? { designation: u.designation, kind: 'fixed', fixedYuan: yuan(u.fixedFen) } : { designation: u.designation, kind: 'percent', percent: bpText(u.percentBp ?? 0) }))
        : [],
    minGrade: e.minGrade,
    anyDesignation: e.anyDesignation ?? [],
    excludeUnderRectification: e.excludeUnderRectification,
    requireMemberReport: e.requireMemberReport,
    capYuan: yuan(r.rules.capFen),
    floorYuan: yuan(r.rules.floorFen),
    note: r.note ?? undefined,
    matchOn: !!r.matching,
    matchCityRoundId: r.matching?.cityRoundId,
    matchRatioCity: r.matching?.ratioDen ?? 1,
    matchRatioCounty: r.matching?.ratioNum ?? 1,
    matchBudgetYuan: r.matching ? fenToYuanInput(r.matching.budgetFen) : undefined,
    matchShortfallRule: r.matching?.shortfallRule ?? 'scale',
  };
}

/** Server paths (budgetFen, method.tiers.0.amountFen …) onto the editor's fields. */
export function renamePath(path: readonly PropertyKey[]): readonly PropertyKey[] {
  const [head, ...rest] = path;
  if (head === 'budgetFen') return ['budgetYuan'];
  if (head === 'matching') {
    const f = rest[0];
    return [f === 'ratioNum' ? 'matchRatioCounty' : f === 'ratioDen' ? 'matchRatioCity' : f === 'budgetFen' ? 'matchBudgetYuan' : f === 'shortfallRule' ? 'matchShortfallRule' : 'matchCityRoundId'];
  }
  if (head === 'rules') {
    if (rest[0] === 'capFen') return ['capYuan'];
    if (rest[0] === 'floorFen') return ['floorYuan'];
    if (rest[0] === 'eligibility') return rest.slice(1);
  }
  if (head === 'method') {
    const [k, i, f] = rest;
    if (k === 'tiers' && typeof i === 'string' && (GRADES as readonly string[]).includes(i)) return ['gradeTiers', i];
    if (k === 'tiers') return ['designationTiers', Number(i), f === 'amountFen' ? 'amountYuan' : (f ?? 'designation')];
    if (k === 'thresholdHundredths') return ['thresholdScore'];
    if (k === 'fenPerPoint') return ['perPointYuan'];
    if (k === 'baseFen') return ['baseYuan'];
    if (k === 'uplifts') return ['uplifts', Number(i), f === 'fixedFen' ? 'fixedYuan' : f === 'percentBp' ? 'percent' : (f ?? 'designation')];
  }
  return path;
}

export const FORM_FIELDS = new Set([
  'name', 'year', 'subject', 'budgetYuan', 'methodKind', 'gradeTiers', 'designationTiers', 'thresholdScore', 'perPointYuan', 'baseYuan', 'uplifts',
  'minGrade', 'anyDesignation', 'excludeUnderRectification', 'requireMemberReport', 'capYuan', 'floorYuan', 'note',
  'matchOn', 'matchCityRoundId', 'matchRatioCity', 'matchRatioCounty', 'matchBudgetYuan', 'matchShortfallRule',
]);
