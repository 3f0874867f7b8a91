import { currentMemberships, loadAllianceRefs } from '@ronghe/alliance/read';
import type { Ctx } from '@ronghe/core';
import { peopleById } from '@ronghe/people/read';
import { orgNamesById } from '@ronghe/registry/read';
import type { LeaderboardQuery, LeaderboardView } from '@ronghe/schema';
import { capMonths } from '../shared/period.ts';

export const BOARD_SIZE = 100;

type Row = { id: string; total: number };

/** Competition ranking (1, 2, 2, 4): a tie shares the rank, the next rank skips. */
export function ranked<T extends Row>(rows: readonly T[]): Array<T & { rank: number }> {
  let rank = 0;
  let prev: number | null = null;
  return rows.map((r, i) => {
    if (r.total !== prev) rank = i + 1;
    prev = r.total;
    return { ...r, rank };
  });
}

/** The months a query covers: a month, a quarter, or the year (null: the year's totals table). */
function months(q: LeaderboardQuery): [number, number] | null {
  if (q.month !== undefined) return [q.month, q.month];
  if (q.quarter !== undefined) return capMonths('quarter', q.quarter * 3);
  return null;
}

/**
 * Top persons: for a year, ONE read of the totals kept with every entry
 * (index (year, total DESC, person_id)); for a month or quarter, the ledger
 * summed over the period (index (year, month, person_id, points)).
 */
export async function topPersons(ctx: Ctx, year: number, span: [number, number] | null, limit = BOARD_SIZE): Promise<Row[]> {
  const stmt = span
    ? ctx.db.$client
        .prepare(
          `SELECT person_id AS id, sum(points) AS total FROM point_entries WHERE year = ? AND month BETWEEN ? AND ?
           GROUP BY person_id HAVING total > 0 ORDER BY total DESC, person_id LIMIT ?`,
        )
        .bind(year, span[0], span[1], limit)
    : ctx.db.$client.prepare('SELECT person_id AS id, total FROM point_totals WHERE year = ? AND total > 0 ORDER BY total DESC, person_id LIMIT ?').bind(year, limit);
  return (await stmt.all<Row>()).results;
}

/** Branch totals (the sum of its members' entries) for a year or a span of months; `limit` null: all of them. */
export async function branchTotals(ctx: Ctx, year: number, span: [number, number] | null, limit: number | null): Promise<Row[]> {
  const lim = limit ?? -1;
  const stmt = span
    ? ctx.db.$client
        .prepare(
          `SELECT home_org_id AS id, sum(points) AS total FROM point_entries WHERE year = ? AND month BETWEEN ? AND ? AND home_org_id IS NOT NULL
           GROUP BY home_org_id HAVING total > 0 ORDER BY total DESC, home_org_id LIMIT ?`,
        )
        .bind(year, span[0], span[1], lim)
    : ctx.db.$client.prepare('SELECT org_id AS id, total FROM point_org_totals WHERE year = ? AND total > 0 ORDER BY total DESC, org_id LIMIT ?').bind(year, lim);
  return (await stmt.all<Row>()).results;
}

/**
 * Leaderboards of a period: by member, by branch (its members' points, kept
 * per branch at award time: points stay with the branch they were earned in),
 * by alliance (the sum of its CURRENT member organizations' branch totals,
 * read now — membership changes move an organization's points with it).
 */
export async function leaderboard({ ctx, input }: { ctx: Ctx; input: LeaderboardQuery }): Promise<LeaderboardView> {
  const by = input.by ?? 'member';
  const span = months(input);
  const head = { by, year: input.year, month: input.month ?? null, quarter: input.quarter ?? null };
  if (by === 'member') {
    const rows = ranked(await topPersons(ctx, input.year, span));
    const persons = await peopleById(ctx, rows.map((r) => r.id));
    const orgs = new Map((await orgNamesById(ctx, [...new Set([...persons.values()].map((p) => p.homeOrgId).filter((x): x is string => !!x))])).map((o) => [o.id, o.name]));
    return {
      ...head,
      items: rows.map((r) => {
        const p = persons.get(r.id);
        return { rank: r.rank, id: r.id, name: p?.name ?? '（已删除）', total: r.total, orgName: p?.homeOrgId ? (orgs.get(p.homeOrgId) ?? null) : null };
      }),
    };
  }
  if (by === 'branch') {
    const rows = ranked(await branchTotals(ctx, input.year, span, BOARD_SIZE));
    const names = new Map((await orgNamesById(ctx, rows.map((r) => r.id))).map((o) => [o.id, o.name]));
    return { ...head, items: rows.map((r) => ({ rank: r.rank, id: r.id, name: names.get(r.id) ?? '（已删除）', total: r.total, orgName: null })) };
  }
  const [orgTotals, memberships] = await Promise.all([branchTotals(ctx, input.year, span, null), currentMemberships(ctx)]);
  const orgTotal = new Map(orgTotals.map((o) => [o.id, o.total]));
  const sums = new Map<string, number>();
  for (const m of memberships) sums.set(m.allianceId, (sums.get(m.allianceId) ?? 0) + (orgTotal.get(m.orgId) ?? 0));
  const sorted = [...sums]
    .map(([id, total]) => ({ id, total }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1))
    .slice(0, BOARD_SIZE);
  const rows = ranked(sorted);
  const refs = await loadAllianceRefs(ctx, rows.map((r) => r.id));
  return { ...head, items: rows.map((r) => ({ rank: r.rank, id: r.id, name: refs.get(r.id)?.name ?? '（已删除）', total: r.total, orgName: null })) };
}
