import { sql } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { peopleById } from '@ronghe/people/read';
import { orgNamesById } from '@ronghe/registry/read';
import { pointEntries, pointRules, type PointEntry, type PointEntryView } from '@ronghe/schema';
import { inList } from '@ronghe/core';

/** Ledger rows as views: person, branch and rule names, and the entry that compensated each (if any). */
export async function entryViews(ctx: Ctx, rows: readonly PointEntry[]): Promise<PointEntryView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [persons, orgs, rules, comps] = await Promise.all([
    peopleById(ctx, rows.map((r) => r.personId)),
    orgNamesById(ctx, [...new Set(rows.map((r) => r.homeOrgId).filter((x): x is string => !!x))]),
    ctx.db.select({ id: pointRules.id, name: pointRules.name, version: pointRules.version }).from(pointRules).where(inList(pointRules.id, [...new Set(rows.map((r) => r.ruleId))])),
    ctx.db.select({ id: pointEntries.id, of: pointEntries.compensatesId }).from(pointEntries).where(sql`${pointEntries.compensatesId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const rule = new Map(rules.map((r) => [r.id, r]));
  const compBy = new Map(comps.map((c) => [c.of!, c.id]));
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: persons.get(r.personId)?.name ?? null,
    homeOrgId: r.homeOrgId,
    homeOrgName: r.homeOrgId ? (orgName.get(r.homeOrgId) ?? null) : null,
    ruleId: r.ruleId,
    ruleCode: r.ruleCode,
    ruleName: rule.get(r.ruleId)?.name ?? null,
    ruleVersion: rule.get(r.ruleId)?.version ?? null,
    kind: r.kind,
    points: r.points,
    requested: r.requested,
    reason: r.reason,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    compensatesId: r.compensatesId,
    compensatedBy: compBy.get(r.id) ?? null,
    year: r.year,
    month: r.month,
    occurredAt: r.occurredAt,
    createdAt: r.createdAt,
  }));
}
