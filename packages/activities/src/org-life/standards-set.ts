import { sql } from 'drizzle-orm';
import { auditInsert, writeBatch, type Ctx } from '@ronghe/core';
import { orgLifeStandards, type OrgLifeStandardsUpdate, type OrgLifeStandardsView } from '@ronghe/schema';
import { standardsOf } from './standards.ts';

/**
 * The county administrator sets a year's standard frequencies (per kind). Each
 * year has its own rows, so a new standard never rewrites an earlier year's
 * compliance. An upsert per kind: two administrators saving at once both land,
 * the later value wins, each audited.
 */
export async function setOrgLifeStandards({ ctx, input }: { ctx: Ctx; input: OrgLifeStandardsUpdate }): Promise<OrgLifeStandardsView> {
  const before = await standardsOf(ctx, input.year);
  const at = ctx.clock.now();
  const stmts = input.items.map((i) =>
    ctx.db
      .insert(orgLifeStandards)
      .values({ year: input.year, kind: i.kind, period: i.period, times: i.times, updatedBy: ctx.actor.userId, updatedAt: at })
      .onConflictDoUpdate({
        target: [orgLifeStandards.year, orgLifeStandards.kind],
        set: { period: i.period, times: i.times, updatedBy: ctx.actor.userId, updatedAt: at, version: sql`${orgLifeStandards.version} + 1` },
      }),
  );
  await writeBatch(ctx.db, [
    ...stmts,
    auditInsert(ctx, {
      action: 'org_life.standard',
      entityType: 'org_life_standard',
      entityId: String(input.year),
      before: { items: before.map(({ kind, period, times }) => ({ kind, period, times })) },
      after: { year: input.year, items: input.items },
    }),
  ]);
  return { year: input.year, items: await standardsOf(ctx, input.year) };
}
