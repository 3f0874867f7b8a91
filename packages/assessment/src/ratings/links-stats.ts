import { sql } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import type { RatingLink, RatingLinkView } from '@ronghe/schema';

export type LinkStatus = RatingLinkView['status'];

/** A link's state now: used beats revoked beats expired (a used link stays used). */
export function linkStatus(l: Pick<RatingLink, 'usedAt' | 'revokedAt' | 'expiresAt'>, now: number): LinkStatus {
  if (l.usedAt !== null) return 'used';
  if (l.revokedAt !== null) return 'revoked';
  if (l.expiresAt <= now) return 'expired';
  return 'open';
}

/** How many links of an assessment were issued, used, expired unused, revoked, and are still open. */
export async function linkStats(ctx: Ctx, assessmentId: string) {
  const now = ctx.clock.now();
  const [row] = await ctx.db.all<{ issued: number; used: number; revoked: number; expired: number }>(sql`
    SELECT count(*) AS issued,
      coalesce(sum(used_at IS NOT NULL), 0) AS used,
      coalesce(sum(used_at IS NULL AND revoked_at IS NOT NULL), 0) AS revoked,
      coalesce(sum(used_at IS NULL AND revoked_at IS NULL AND expires_at <= ${now}), 0) AS expired
    FROM rating_links WHERE assessment_id = ${assessmentId}`);
  const s = row ?? { issued: 0, used: 0, revoked: 0, expired: 0 };
  return { issued: s.issued, used: s.used, expired: s.expired, revoked: s.revoked, open: s.issued - s.used - s.expired - s.revoked };
}
