import { sql } from 'drizzle-orm';
import { conflict, forbidden, newId, primaryRole, writeBatch, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import type { RevokeLinksInput } from '@ronghe/schema';
import { loadAssessment } from './load.ts';

/**
 * Withdraws unused links (the listed ones, or all of the assessment's): a
 * revoked link answers like an expired one. Used links stay as they are. One
 * audit row with the number withdrawn, counted by the database as it wrote.
 */
export async function revokeRatingLinks({ ctx, input }: { ctx: Ctx; input: RevokeLinksInput & { assessmentId: string } }): Promise<{ revoked: number }> {
  const { assessment, target } = await loadAssessment(ctx, input.assessmentId);
  if (!allows(ctx.actor, 'rating.links', target)) throw forbidden('群众评判链接由批准该联合体的党（工）委管理');
  const now = ctx.clock.now();
  const only = input.linkIds ? sql`AND id IN (SELECT value FROM json_each(${JSON.stringify(input.linkIds)}))` : sql``;
  const pending = sql`FROM rating_links WHERE assessment_id = ${assessment.id} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${now} ${only}`;
  const [row] = await ctx.db.all<{ n: number }>(sql`SELECT count(*) AS n ${pending}`);
  if (!row?.n) throw conflict('没有可作废的链接（已使用、已过期或已作废的链接不能作废）');
  await writeBatch(ctx.db, [
    sql`UPDATE rating_links SET revoked_at = ${now} WHERE assessment_id = ${assessment.id} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${now} ${only}`,
    // changes(): the rows the UPDATE just withdrew; nothing withdrawn (a race), no audit row.
    sql`INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id)
      SELECT ${newId('aud', now)}, ${now}, ${ctx.actor.userId}, ${ctx.actor.displayName}, ${primaryRole(ctx)}, 'assessment.rating_links_revoke', 'assessment',
        ${assessment.id}, NULL, json_object('count', changes()), ${ctx.requestId}
      WHERE changes() > 0`,
  ]);
  const [after] = await ctx.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM rating_links WHERE assessment_id = ${assessment.id} AND revoked_at = ${now}`);
  return { revoked: after?.n ?? 0 };
}
