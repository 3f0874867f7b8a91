import { sql } from 'drizzle-orm';
import { AppError, auditGuarded, isStaleGuardError, newId, validation, writeBatch, type Ctx } from '@ronghe/core';
import { assessments, type AssessmentView, type ScoreEntry } from '@ronghe/schema';
import { points } from './scoring.ts';
import { assessmentView, loadAssessment, requireRun } from './load.ts';
import { notOpen } from './refresh.ts';

/** The committee enters (or corrects) a scored indicator: raw score on the indicator's scale, with a note. */
export async function enterScore({ ctx, input }: { ctx: Ctx; input: { id: string; indicatorId: string; entry: ScoreEntry } }): Promise<AssessmentView> {
  const l = await loadAssessment(ctx, input.id);
  requireRun(ctx, l.alliance);
  const ind = l.indicators.find((i) => i.id === input.indicatorId);
  if (!ind) throw new AppError('not_found', '该考核没有这项指标');
  if (l.assessment.status !== 'open') throw notOpen(l.alliance.name);
  if (ind.kind !== 'scored') throw new AppError('conflict', `“${ind.name}”由系统计算或评议得出，不能手工评分`, { extra: { reason: 'not_scored' } });
  if (input.entry.raw > ind.maxScore * 100) throw validation([{ path: 'body.raw', message: `得分不能超过该指标满分 ${ind.maxScore} 分（${ind.maxScore * 100}）` }]);
  const now = ctx.clock.now();
  const note = input.entry.note?.trim() || null;
  const evidence = { text: `考核组评分 ${points(input.entry.raw)} / ${ind.maxScore} 分${note ? `：${note}` : ''}` };
  try {
    await writeBatch(ctx.db, [
      ctx.db
        .update(assessments)
        .set({ updatedAt: now, version: l.assessment.version + 1 })
        .where(sql`${assessments.id} = ${l.assessment.id} AND ${assessments.status} = 'open' AND ${assessments.version} = ${l.assessment.version}`),
      auditGuarded(ctx, { action: 'assessment.score', entityType: 'assessment', entityId: l.assessment.id, after: { indicatorId: ind.id, raw: input.entry.raw } }),
      sql`INSERT INTO assessment_scores (id, assessment_id, indicator_id, raw, evidence, note, entered_by, updated_at)
          VALUES (${newId('asv', now)}, ${l.assessment.id}, ${ind.id}, ${input.entry.raw}, ${JSON.stringify(evidence)}, ${note}, ${ctx.actor.userId}, ${now})
          ON CONFLICT (assessment_id, indicator_id) DO UPDATE SET raw = excluded.raw, evidence = excluded.evidence, note = excluded.note, entered_by = excluded.entered_by, updated_at = excluded.updated_at`,
    ]);
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('conflict', '年度考核已被他人修改或已定档，请刷新后重试');
    throw err;
  }
  return assessmentView(await loadAssessment(ctx, input.id));
}
