import { sql } from 'drizzle-orm';
import { auditInsert, forbidden, newId, writeBatch, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import type { IssuedLinksView, IssueLinksInput } from '@ronghe/schema';
import { assertOpen, loadAssessment } from './load.ts';
import { newLinkToken, tokenHash } from './tokens.ts';

const DAY = 86_400_000;
export const DEFAULT_LINK_DAYS = 30;

/**
 * 群众评判 online: N one-answer links for residents (1–500 a request). Each
 * token is shown once, here; only its SHA-256 is kept. One INSERT for all
 * (the drafts as one JSON parameter) and one audit row naming the count.
 */
export async function issueRatingLinks({ ctx, input }: { ctx: Ctx; input: IssueLinksInput & { assessmentId: string } }): Promise<IssuedLinksView> {
  const { assessment, target } = await loadAssessment(ctx, input.assessmentId);
  if (!allows(ctx.actor, 'rating.links', target)) throw forbidden('群众评判链接由批准该联合体的党（工）委签发');
  assertOpen(assessment);
  const now = ctx.clock.now();
  const expiresAt = now + (input.expiresInDays ?? DEFAULT_LINK_DAYS) * DAY;
  const links = await Promise.all(
    Array.from({ length: input.count }, async () => {
      const token = newLinkToken(ctx.tenant.slug);
      return { id: newId('rlk', now), token, hash: await tokenHash(token) };
    }),
  );
  const rows = JSON.stringify(links.map((l) => ({ id: l.id, h: l.hash })));
  await writeBatch(ctx.db, [
    sql`INSERT INTO rating_links (id, assessment_id, rater_group, token_hash, label, expires_at, used_at, revoked_at, created_by, created_at)
      SELECT json_extract(value, '$.id'), ${assessment.id}, 'resident', json_extract(value, '$.h'), ${input.label?.trim() || null}, ${expiresAt}, NULL, NULL, ${ctx.actor.userId}, ${now}
      FROM json_each(${rows})`,
    auditInsert(ctx, { action: 'assessment.rating_links_issue', entityType: 'assessment', entityId: assessment.id, after: { count: links.length, expiresAt } }),
  ]);
  return { expiresAt, links: links.map((l) => ({ id: l.id, token: l.token })) };
}
