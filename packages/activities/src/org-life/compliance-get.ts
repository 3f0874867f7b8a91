import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { shanghaiDate, type Ctx } from '@ronghe/core';
import { orgJoin } from '@ronghe/registry/read';
import { ORG_LIFE_PERIOD_MONTHS, type OrgLifeBranchCompliance, type OrgLifeComplianceQuery, type OrgLifeCompliancePage, type OrgLifeKind } from '@ronghe/schema';
import { BRANCH_KINDS, kindCompliance, periodsDue, type Standard } from './rules.ts';
import { standardsOf } from './standards.ts';

interface KindCounts {
  orgId: string;
  kind: OrgLifeKind;
  held: number;
  met: number;
}

/**
 * Per branch and kind: meetings held this year and due periods met, in one
 * statement (GROUP BY twice) so a county of thousands of branches returns one
 * row per branch and kind, not per meeting. `orgIds` null = every branch.
 * The standards (period length, times, periods due) travel as one JSON value.
 */
async function countsOf(ctx: Ctx, year: number, today: string, standards: readonly Standard[], orgIds: readonly string[] | null): Promise<KindCounts[]> {
  const std = JSON.stringify(standards.map((s) => ({ kind: s.kind, months: ORG_LIFE_PERIOD_MONTHS[s.period], times: s.times, due: periodsDue(s.period, year, today) })));
  const only = orgIds ? sql`AND r.org_id IN (SELECT value FROM json_each(${JSON.stringify(orgIds)}))` : sql``;
  const rows = await ctx.db.all<{ orgId: string; kind: OrgLifeKind; held: number; met: number }>(sql`
    WITH std AS (
      SELECT json_extract(value, '$.kind') AS kind, json_extract(value, '$.months') AS months,
             json_extract(value, '$.times') AS times, json_extract(value, '$.due') AS due
      FROM json_each(${std})
    ), per AS (
      SELECT r.org_id AS org_id, r.kind AS kind, (CAST(substr(r.held_on, 6, 2) AS INTEGER) - 1) / std.months AS p, count(*) AS n
      FROM org_life_records r JOIN std ON std.kind = r.kind
      WHERE r.held_on >= ${`${year}-01-01`} AND r.held_on <= ${`${year}-12-31`} ${only}
      GROUP BY r.org_id, r.kind, p
    )
    SELECT per.org_id AS orgId, per.kind AS kind, sum(per.n) AS held, sum(CASE WHEN per.p < std.due AND per.n >= std.times THEN 1 ELSE 0 END) AS met
    FROM per JOIN std ON std.kind = per.kind
    GROUP BY per.org_id, per.kind`);
  return rows.map((r) => ({ ...r, held: Number(r.held), met: Number(r.met) }));
}

function branchCompliance(org: { id: string; name: string }, year: number, today: string, standards: readonly Standard[], counts: ReadonlyMap<string, KindCounts>): OrgLifeBranchCompliance {
  const kinds = standards.map((s) => {
    const c = counts.get(`${org.id}|${s.kind}`);
    const base = kindCompliance(s, year, today, new Map());
    const met = c?.met ?? 0;
    return { ...base, held: c?.held ?? 0, periodsMet: met, status: met >= base.periodsDue ? ('met' as const) : ('behind' as const) };
  });
  const behindKinds = kinds.filter((k) => k.status === 'behind').length;
  return { orgId: org.id, orgName: org.name, year, onDate: today, status: behindKinds ? 'behind' : 'met', behindKinds, kinds };
}

function keyed(rows: readonly KindCounts[]): Map<string, KindCounts> {
  return new Map(rows.map((r) => [`${r.orgId}|${r.kind}`, r]));
}

/** Active branches of the county (optionally under an organization, or named like `q`), in name order. */
async function branches(ctx: Ctx, filter: { underOrgId?: string; q?: string; ids?: readonly string[] }) {
  const b = orgJoin('ol_branch');
  const where: SQL[] = [inArray(b.kind, [...BRANCH_KINDS]), eq(b.status, 'active')];
  if (filter.underOrgId) where.push(sql`(${b.id} = ${filter.underOrgId} OR instr(${b.path}, ${`/${filter.underOrgId}/`}) > 0)`);
  if (filter.q) where.push(sql`instr(${b.name}, ${filter.q}) > 0`);
  if (filter.ids) where.push(sql`${b.id} IN (SELECT value FROM json_each(${JSON.stringify(filter.ids)}))`);
  return ctx.db.select({ id: b.id, name: b.name }).from(b).where(and(...where)).orderBy(b.sortKey, b.id);
}

/**
 * Compliance of these branches for a year, on today's date (the evidence branch
 * standardization reads). Organizations that are not active branches are absent.
 */
export async function orgLifeCompliance(ctx: Ctx, year: number, orgIds: readonly string[]): Promise<Map<string, OrgLifeBranchCompliance>> {
  if (!orgIds.length) return new Map();
  const today = shanghaiDate(ctx.clock.now());
  const standards = await standardsOf(ctx, year);
  const [orgs, counts] = await Promise.all([branches(ctx, { ids: orgIds }), countsOf(ctx, year, today, standards, orgIds)]);
  const byKey = keyed(counts);
  return new Map(orgs.map((o) => [o.id, branchCompliance(o, year, today, standards, byKey)]));
}

/** Every branch's compliance, filtered (status, a kind behind, under an organization, name), for the county table and its export. */
export async function allOrgLifeCompliance(ctx: Ctx, input: Omit<OrgLifeComplianceQuery, 'page' | 'limit'>): Promise<{ rows: OrgLifeBranchCompliance[]; branches: number; behind: number }> {
  const today = shanghaiDate(ctx.clock.now());
  const standards = await standardsOf(ctx, input.year);
  const [orgs, counts] = await Promise.all([branches(ctx, { underOrgId: input.underOrgId, q: input.q }), countsOf(ctx, input.year, today, standards, null)]);
  const byKey = keyed(counts);
  const all = orgs.map((o) => branchCompliance(o, input.year, today, standards, byKey));
  const rows = all.filter((r) => (!input.status || r.status === input.status) && (!input.kind || r.kinds.some((k) => k.kind === input.kind && k.status === 'behind')));
  return { rows, branches: all.length, behind: all.filter((r) => r.status === 'behind').length };
}

export async function getOrgLifeCompliance({ ctx, input }: { ctx: Ctx; input: OrgLifeComplianceQuery }): Promise<OrgLifeCompliancePage> {
  const { rows, branches: n, behind } = await allOrgLifeCompliance(ctx, input);
  const limit = input.limit ?? 20;
  const offset = ((input.page ?? 1) - 1) * limit;
  return { items: rows.slice(offset, offset + limit), total: rows.length, branches: n, behind };
}

/**
 * The 工作台's reminder (issue 11b): active branches behind on organizational life this year, on
 * today's date — those named (a liaison's own) and those under the committees named (a reviewer's).
 * Two reads whatever the number of branches: the branches, then their counts.
 */
export async function orgLifeBehind(ctx: Ctx, scope: { orgIds?: readonly string[]; underOrgIds?: readonly string[] }): Promise<OrgLifeBranchCompliance[]> {
  const named = scope.orgIds ?? [];
  const under = scope.underOrgIds ?? [];
  if (!named.length && !under.length) return [];
  const today = shanghaiDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const b = orgJoin('ol_todo_branch');
  const within = [
    ...(named.length ? [sql`${b.id} IN (SELECT value FROM json_each(${JSON.stringify(named)}))`] : []),
    ...under.map((id) => sql`(${b.id} = ${id} OR instr(${b.path}, ${`/${id}/`}) > 0)`),
  ];
  const [standards, orgs] = await Promise.all([
    standardsOf(ctx, year),
    ctx.db
      .select({ id: b.id, name: b.name })
      .from(b)
      .where(and(inArray(b.kind, [...BRANCH_KINDS]), eq(b.status, 'active'), sql`(${sql.join(within, sql` OR `)})`))
      .orderBy(b.sortKey, b.id),
  ]);
  if (!orgs.length) return [];
  const counts = await countsOf(ctx, year, today, standards, orgs.map((o) => o.id));
  const byKey = keyed(counts);
  return orgs.map((o) => branchCompliance(o, year, today, standards, byKey)).filter((c) => c.status === 'behind');
}
