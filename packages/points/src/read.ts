import type { Ctx } from '@ronghe/core';

// What other capabilities may read of the points capability (ADR 0010).
// Totals are kept in the same batch as every ledger entry, so these are
// single indexed reads.

/** Branch totals for a year (an assessment input): the sum of the points its members earned while it was their home branch; absent ids have 0. */
export async function branchPoints(ctx: Ctx, year: number, orgIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(orgIds.map((id) => [id, 0]));
  if (!orgIds.length) return out;
  const { results } = await ctx.db.$client
    .prepare('SELECT org_id AS id, total FROM point_org_totals WHERE year = ? AND org_id IN (SELECT value FROM json_each(?))')
    .bind(year, JSON.stringify([...new Set(orgIds)]))
    .all<{ id: string; total: number }>();
  for (const r of results) out.set(r.id, r.total);
  return out;
}

/** A person's total for a year (0 without entries). */
export async function personPoints(ctx: Ctx, personId: string, year: number): Promise<number> {
  const row = await ctx.db.$client.prepare('SELECT total FROM point_totals WHERE person_id = ? AND year = ?').bind(personId, year).first<{ total: number }>();
  return row?.total ?? 0;
}

// The city's rollup (issue 13): the ledger's figures.
export { pointsRollup } from './rollup.ts';
