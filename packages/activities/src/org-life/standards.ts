import { eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { orgLifeStandards } from '@ronghe/schema';
import { DEFAULT_STANDARDS, type Standard } from './rules.ts';

/** The county's standard for each kind in a year: its rows, the defaults for kinds without one. */
export async function standardsOf(ctx: Ctx, year: number): Promise<Array<Standard & { isDefault: boolean }>> {
  const rows = await ctx.db.select().from(orgLifeStandards).where(eq(orgLifeStandards.year, year));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return DEFAULT_STANDARDS.map((d) => {
    const r = byKind.get(d.kind);
    return r ? { kind: d.kind, period: r.period, times: r.times, isDefault: false } : { ...d, isDefault: true };
  });
}
