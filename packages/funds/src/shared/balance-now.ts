import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { fundEntries } from '@ronghe/schema';
import { signedFenSql } from './signed.ts';

/** An alliance's balance over its whole ledger (分). */
export async function balanceNow(ctx: Ctx, allianceId: string): Promise<number> {
  const [r] = await ctx.db.select({ fen: sql<number>`coalesce(sum(${signedFenSql}), 0)` }).from(fundEntries).where(eq(fundEntries.allianceId, allianceId));
  return Number(r?.fen ?? 0);
}
