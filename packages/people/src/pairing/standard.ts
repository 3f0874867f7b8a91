import { eq, sql } from 'drizzle-orm';
import { auditInsert, type Ctx } from '@ronghe/core';
import { writeBatch } from '@ronghe/core';
import { pairingStandards, type PairingStandardInput, type PairingStandardView } from '@ronghe/schema';
import { defaultStandard } from './rules.ts';

/** The county's standard for a year, or the documented defaults (`isSet: false`) when it has set none. */
export async function getPairingStandard({ ctx, input }: { ctx: Ctx; input: { year: number } }): Promise<PairingStandardView> {
  const [row] = await ctx.db.select().from(pairingStandards).where(eq(pairingStandards.year, input.year)).limit(1);
  if (!row) return { ...defaultStandard(input.year), isSet: false, version: 0 };
  return { year: row.year, memberMinRecords: row.memberMinRecords, memberMinMinutes: row.memberMinMinutes, orgMinRecords: row.orgMinRecords, isSet: true, version: row.version };
}

/** Sets the year's standard (an upsert: one row per year; the version counts the changes). */
export async function setPairingStandard({ ctx, input }: { ctx: Ctx; input: { year: number; standard: PairingStandardInput } }): Promise<PairingStandardView> {
  const before = await getPairingStandard({ ctx, input: { year: input.year } });
  const now = ctx.clock.now();
  const s = input.standard;
  await writeBatch(ctx.db, [
    ctx.db
      .insert(pairingStandards)
      .values({ year: input.year, ...s, version: 1, updatedAt: now })
      .onConflictDoUpdate({ target: pairingStandards.year, set: { ...s, version: sql`${pairingStandards.version} + 1`, updatedAt: now } }),
    auditInsert(ctx, {
      action: 'pairing_standard.set',
      entityType: 'pairing_standard',
      entityId: String(input.year),
      before: before.isSet ? { memberMinRecords: before.memberMinRecords, memberMinMinutes: before.memberMinMinutes, orgMinRecords: before.orgMinRecords } : null,
      after: { year: input.year, ...s },
    }),
  ]);
  return getPairingStandard({ ctx, input: { year: input.year } });
}
