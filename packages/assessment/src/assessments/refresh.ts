import { sql } from 'drizzle-orm';
import { AppError, auditGuarded, isStaleGuardError, newId, writeBatch, type Ctx } from '@ronghe/core';
import { assessments, type AssessmentView } from '@ronghe/schema';
import { gatherLines } from './evidence.ts';
import { assessmentView, loadAssessment, requireRun } from './load.ts';

export const notOpen = (name: string) => new AppError('conflict', `联合体“${name}”的年度考核已定档，不能再修改`, { extra: { reason: 'finalized' } });

/**
 * 重新计算: the computed and rated indicators read again while the assessment
 * is open (the committee's scored entries stay). The version bump with the
 * guarded audit row makes the batch land only on the assessment as read, still open.
 */
export async function refreshAssessment({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<AssessmentView> {
  const l = await loadAssessment(ctx, input.id);
  requireRun(ctx, l.alliance);
  if (l.assessment.status !== 'open') throw notOpen(l.alliance.name);
  const now = ctx.clock.now();
  const lines = await gatherLines(ctx, l.assessment, l.indicators);
  const upserts = [...lines].map(([indicatorId, line]) =>
    sql`INSERT INTO assessment_scores (id, assessment_id, indicator_id, raw, evidence, note, entered_by, updated_at)
        VALUES (${newId('asv', now)}, ${l.assessment.id}, ${indicatorId}, ${line.raw}, ${JSON.stringify(line.evidence)}, NULL, 'system', ${now})
        ON CONFLICT (assessment_id, indicator_id) DO UPDATE SET raw = excluded.raw, evidence = excluded.evidence, updated_at = excluded.updated_at`,
  );
  try {
    await writeBatch(ctx.db, [
      ctx.db
        .update(assessments)
        .set({ updatedAt: now, version: l.assessment.version + 1 })
        .where(sql`${assessments.id} = ${l.assessment.id} AND ${assessments.status} = 'open' AND ${assessments.version} = ${l.assessment.version}`),
      auditGuarded(ctx, { action: 'assessment.refresh', entityType: 'assessment', entityId: l.assessment.id, after: { allianceId: l.assessment.allianceId, year: l.assessment.year, lines: lines.size } }),
      ...upserts,
    ]);
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('conflict', '年度考核已被他人修改或已定档，请刷新后重试');
    throw err;
  }
  return assessmentView(await loadAssessment(ctx, input.id));
}
