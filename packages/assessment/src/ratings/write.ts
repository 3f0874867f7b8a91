import { eq, sql, type SQL } from 'drizzle-orm';
import { conflict, newId, primaryRole, writeBatch, type Ctx } from '@ronghe/core';
import { assessmentRatings, type AssessmentRating, type RaterGroup } from '@ronghe/schema';

/** Who answered, as the audit log records them: a resident has no account, so the log names the link's holder generically. */
export interface AuditActor {
  id: string;
  name: string;
  role: string;
}

export const RESIDENT_ACTOR: AuditActor = { id: 'resident', name: '群众（评议链接）', role: 'resident' };

export function staffActor(ctx: Ctx): AuditActor {
  return { id: ctx.actor.userId, name: ctx.actor.displayName, role: primaryRole(ctx) };
}

export interface RatingDraft {
  assessmentId: string;
  group: RaterGroup;
  raterKey: string;
  score: number;
  level: string;
  comment: string | null;
}

/**
 * The rating's INSERT, written only while the assessment is still open when
 * the batch runs (a finalization between the read and the write leaves no
 * rating). `when` adds a further condition (a resident's link just claimed).
 */
export function ratingInsert(id: string, d: RatingDraft, now: number, when: SQL = sql`1`): SQL {
  return sql`INSERT INTO assessment_ratings (id, assessment_id, rater_group, rater_key, score, level, comment, created_at)
    SELECT ${id}, ${d.assessmentId}, ${d.group}, ${d.raterKey}, ${d.score}, ${d.level}, ${d.comment}, ${now}
    WHERE ${when} AND EXISTS (SELECT 1 FROM assessments WHERE id = ${d.assessmentId} AND status = 'open')`;
}

/**
 * The audit row of a rating, built FROM the rating as written: no rating, no
 * audit row (and so no event). Its payload names the group, the score and the
 * level — never who answered (a member's or resident's answer stays theirs).
 */
export function ratingAudit(ctx: Ctx, who: AuditActor, ratingId: string, now: number): SQL {
  return sql`INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, entity_type, entity_id, before, after, request_id)
    SELECT ${newId('aud', now)}, ${now}, ${who.id}, ${who.name}, ${who.role}, 'assessment.rate', 'assessment_rating', id, NULL,
      json_object('assessmentId', assessment_id, 'raterGroup', rater_group, 'ratingScore', score, 'ratingLevel', level),
      ${ctx.requestId}
    FROM assessment_ratings WHERE id = ${ratingId}`;
}

const SECOND: Record<RaterGroup, string> = {
  committee: '您已对该联合体作出组织评定，每名委员只能评价一次',
  member: '您已对该联合体作出评议，每名党员只能评价一次',
  resident: '该评议链接已使用过，每个链接只能评价一次',
  department: '该部门已对该联合体作出社会评价，每个部门只能评价一次',
  member_org: '该成员单位已对联合体作出评价，每个单位只能评价一次',
};

function isRatingUnique(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (/UNIQUE constraint failed: assessment_ratings\./.test(String((e as Error).message ?? e))) return true;
  }
  return false;
}

/**
 * Writes one rating with its audit row in one batch. One answer per rater:
 * the unique index (assessment, group, rater) refuses a second, even two sent
 * at once, and the refusal says so in words. Ratings are not changed once
 * given (a rater's answer is their answer; the committee reads it as given).
 */
export async function writeRating(ctx: Ctx, who: AuditActor, d: RatingDraft, before: SQL[] = [], when?: SQL): Promise<AssessmentRating | null> {
  const now = ctx.clock.now();
  const id = newId('rtg', now);
  try {
    await writeBatch(ctx.db, [...before, ratingInsert(id, d, now, when), ratingAudit(ctx, who, id, now)]);
  } catch (err) {
    if (isRatingUnique(err)) throw conflict(SECOND[d.group]);
    throw err;
  }
  // No row: a condition failed as the batch ran (finalized meanwhile, or the caller's `when`); the caller says which.
  const [row] = await ctx.db.select().from(assessmentRatings).where(eq(assessmentRatings.id, id));
  return row ?? null;
}
