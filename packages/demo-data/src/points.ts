import { DEFAULT_RULES, defaultRuleId, type RuleSpec } from '@ronghe/points/defaults';
import { capMonths, periodOf } from '@ronghe/points/period';
import { stableId, type DemoIdPrefix } from './prng.ts';
import type { PeopleDemoInput } from './types.ts';

// 积分 demo data (issue 11): the county's default rules and the ledger a
// year of demo activity earns under them, computed the way the server does
// (packages/points: rule code = source, units × points per unit, clipped to
// the rule's cap per person and period, one entry per source key), with the
// totals the server keeps beside the ledger.

/** One thing a person did that earns points, as the other demo generators report it. */
export interface DemoAward {
  personId: string;
  /** The rule code (= the source for event-driven rules: service_hour, activity_attendance, org_life …). */
  source: string;
  /** Unique per award, like the server's source key (event id, or event id + person). */
  sourceKey: string;
  at: number;
  units: number;
  /** The event type that earns it, as the server's ledger row keeps it; the rule's source when absent. */
  sourceType?: string;
  /** The row the event is about (service log, claim, check-in, record). */
  sourceId?: string;
}

export interface DemoPointRule extends RuleSpec {
  id: string;
  version: number;
  validFrom: number;
  createdBy: string;
  createdAt: number;
}

export interface DemoPointEntry {
  id: string;
  personId: string;
  ruleId: string;
  ruleCode: string;
  kind: 'award';
  points: number;
  requested: number;
  reason: null;
  sourceKey: string;
  sourceType: string;
  sourceId: string | null;
  compensatesId: null;
  homeOrgId: string | null;
  year: number;
  month: number;
  occurredAt: number;
  createdBy: string;
  createdAt: number;
}

export interface PointsDemoData {
  rules: DemoPointRule[];
  entries: DemoPointEntry[];
  totals: Array<{ personId: string; year: number; total: number; updatedAt: number }>;
  orgTotals: Array<{ orgId: string; year: number; total: number; updatedAt: number }>;
}

/** The key of the cap period an award falls in: its first month, by the ledger's own capMonths. */
function capKey(rule: RuleSpec, year: number, month: number): string {
  return `${year}-${capMonths(rule.capPeriod!, month)[0]}`;
}

/** What the server's consumer would write for these awards, in time order. */
export function buildPoints(input: PeopleDemoInput & { awards: readonly DemoAward[] }): PointsDemoData {
  const seed = `${input.tenant.slug}:points`;
  const rules: DemoPointRule[] = DEFAULT_RULES.map((r) => ({ ...r, awardRoles: [...r.awardRoles], id: defaultRuleId(r.code), version: 1, validFrom: 0, createdBy: 'system', createdAt: 0 }));
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const used = new Map<string, number>();
  const seen = new Set<string>();
  const entries: DemoPointEntry[] = [];
  const totals = new Map<string, number>();
  const orgTotals = new Map<string, number>();
  const sorted = [...input.awards].sort((a, b) => a.at - b.at || (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0));
  for (const a of sorted) {
    const rule = byCode.get(a.source);
    const person = people.get(a.personId);
    if (!rule || !rule.enabled || !person || a.units <= 0 || seen.has(a.sourceKey)) continue;
    seen.add(a.sourceKey);
    const { year, month } = periodOf(a.at);
    const requested = a.units * rule.pointsPerUnit;
    let points = requested;
    if (rule.capPeriod !== null && rule.capPoints !== null) {
      const key = `${a.personId}|${rule.code}|${capKey(rule, year, month)}`;
      points = Math.max(0, Math.min(requested, rule.capPoints - (used.get(key) ?? 0)));
      used.set(key, (used.get(key) ?? 0) + points);
    }
    // 'ple' is core's ledger-entry prefix (packages/core/src/ids.ts); the demo union lists only the prefixes of earlier demo rows.
    entries.push({
      id: stableId('ple' as DemoIdPrefix, seed, a.sourceKey, a.at),
      personId: a.personId,
      ruleId: rule.id,
      ruleCode: rule.code,
      kind: 'award',
      points,
      requested,
      reason: null,
      sourceKey: a.sourceKey,
      sourceType: a.sourceType ?? rule.source,
      sourceId: a.sourceId ?? null,
      compensatesId: null,
      homeOrgId: person.homeOrgId,
      year,
      month,
      occurredAt: a.at,
      createdBy: 'system',
      createdAt: a.at,
    });
    totals.set(`${a.personId}|${year}`, (totals.get(`${a.personId}|${year}`) ?? 0) + points);
    if (person.homeOrgId) orgTotals.set(`${person.homeOrgId}|${year}`, (orgTotals.get(`${person.homeOrgId}|${year}`) ?? 0) + points);
  }
  const last = sorted.at(-1)?.at ?? 0;
  return {
    rules,
    entries,
    totals: [...totals].map(([k, total]) => {
      const [personId, year] = k.split('|');
      return { personId: personId!, year: Number(year), total, updatedAt: last };
    }),
    orgTotals: [...orgTotals].map(([k, total]) => {
      const [orgId, year] = k.split('|');
      return { orgId: orgId!, year: Number(year), total, updatedAt: last };
    }),
  };
}
