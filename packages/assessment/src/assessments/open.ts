import { AppError, auditGuarded, insertRows, newId, writeBatch, type Ctx } from '@ronghe/core';
import { allianceInStatus, FOUNDED, loadAllianceRefs } from '@ronghe/alliance/read';
import { assessments, assessmentScores, type Assessment, type AssessmentOpen, type AssessmentScore, type AssessmentView } from '@ronghe/schema';
import { requireScheme } from '../schemes/view.ts';
import { gatherLines } from './evidence.ts';
import { assessmentView, requireRun } from './load.ts';

/** Alliances that are assessed: those that have been established and are not dissolved. */
const ASSESSABLE = FOUNDED;

/**
 * The approving committee (or the county) opens an alliance's assessment for
 * the scheme's year, on a published (or frozen) scheme, with the computed and
 * rated indicators prefilled. One per alliance and year: the unique index
 * decides between two openings at once (409).
 */
export async function openAssessment({ ctx, input }: { ctx: Ctx; input: AssessmentOpen }): Promise<AssessmentView> {
  const alliance = (await loadAllianceRefs(ctx, [input.allianceId])).get(input.allianceId);
  if (!alliance) throw new AppError('validation_failed', '党建联合体不存在', { errors: [{ path: 'body.allianceId', message: '党建联合体不存在' }] });
  requireRun(ctx, alliance);
  if (!(ASSESSABLE as readonly string[]).includes(alliance.status)) {
    throw new AppError('conflict', `联合体“${alliance.name}”尚未成立或已撤销，不能进行年度考核`, { errors: [{ path: 'body.allianceId', message: '只有已成立、运行中或整顿中的联合体参加年度考核' }] });
  }
  const s = await requireScheme(ctx, input.schemeId).catch(() => {
    throw new AppError('validation_failed', '指标体系不存在', { errors: [{ path: 'body.schemeId', message: '指标体系不存在' }] });
  });
  if (s.scheme.status === 'draft') throw new AppError('conflict', `指标体系“${s.scheme.name}”还是草稿，发布后才能用于考核`, { errors: [{ path: 'body.schemeId', message: '请选择已发布的指标体系' }] });
  const now = ctx.clock.now();
  const a: Assessment = {
    id: newId('asm', now),
    allianceId: alliance.id,
    year: s.scheme.year,
    schemeId: s.scheme.id,
    committeeOrgId: alliance.committeeOrgId,
    status: 'open',
    score: null,
    grade: null,
    consequences: null,
    finalizedAt: null,
    finalizedBy: null,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const lines = await gatherLines(ctx, a, s.indicators);
  const scores: AssessmentScore[] = [...lines].map(([indicatorId, l]) => ({ id: newId('asv', now), assessmentId: a.id, indicatorId, raw: l.raw, evidence: l.evidence, note: null, enteredBy: 'system', updatedAt: now }));
  try {
    await writeBatch(ctx.db, [
      ctx.db.insert(assessments).values(a),
      ...insertRows(assessmentScores, scores),
      auditGuarded(ctx, { action: 'assessment.open', entityType: 'assessment', entityId: a.id, after: { allianceId: a.allianceId, year: a.year, schemeId: a.schemeId, status: a.status } }, allianceInStatus(alliance.id, ASSESSABLE)),
    ]);
  } catch (err) {
    if (/UNIQUE constraint failed: assessments/.test(String((err as Error)?.message) + String((err as { cause?: Error })?.cause?.message ?? ''))) {
      throw new AppError('conflict', `联合体“${alliance.name}”${a.year} 年度的考核已经开启，每个联合体每年只考核一次`, { extra: { reason: 'already_assessed' } });
    }
    throw err;
  }
  return assessmentView({ assessment: a, scheme: s.scheme, indicators: s.indicators, scores, alliance });
}
