import { and, eq, sql } from 'drizzle-orm';
import { AppError, auditGuarded, isStaleGuardError, newId, shanghaiDate, writeBatch, type Ctx } from '@ronghe/core';
import { currentMemberIds, filingStatement } from '@ronghe/alliance/read';
import { ineligibleOrgs } from '@ronghe/people/read';
import { orgNamesById } from '@ronghe/registry/read';
import { ASSESSMENT_GRADE_LABELS, assessments, indicatorSchemes, type AssessmentView } from '@ronghe/schema';
import { gatherLines } from './evidence.ts';
import { assessmentView, loadAssessment, missingScores, requireRun } from './load.ts';
import { notOpen } from './refresh.ts';
import { consequencesOf } from './consequences.ts';
import { gradeOf, points, totalScore } from './scoring.ts';

export { consequencesOf };

/**
 * 定档: every scored indicator entered (rated groups with no rating count 0,
 * said in their evidence, so a group that did not answer cannot hold the
 * assessment up), computed and rated lines read once more, the total and the
 * grade, the consequences. One batch: the lines, the assessment (only if still
 * open and as read), its audit row (→ `assessment.finalized`), the scheme
 * frozen, and the filing to the county and the city.
 */
export async function finalizeAssessment({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<AssessmentView> {
  const l = await loadAssessment(ctx, input.id);
  requireRun(ctx, l.alliance);
  if (l.assessment.status !== 'open') throw notOpen(l.alliance.name);
  const missing = missingScores(l);
  if (missing.length) throw new AppError('conflict', `还有指标未评分：${missing.join('、')}`, { extra: { reason: 'missing_scores', missing } });
  const { year, allianceId } = l.assessment;
  const [lines, previous, members, ineligibleAll] = await Promise.all([
    gatherLines(ctx, l.assessment, l.indicators),
    ctx.db.select({ grade: assessments.grade }).from(assessments).where(and(eq(assessments.allianceId, allianceId), eq(assessments.year, year - 1), eq(assessments.status, 'finalized'))).get(),
    currentMemberIds(ctx, allianceId),
    ineligibleOrgs(ctx, year),
  ]);
  const raws = new Map(l.scores.map((s) => [s.indicatorId, s.raw]));
  for (const [id, line] of lines) raws.set(id, line.raw);
  const score = totalScore(l.indicators.map((i) => ({ raw: raws.get(i.id) ?? 0, maxScore: i.maxScore, weight: i.weight })));
  const grade = gradeOf(score, l.scheme.thresholds);
  const bad = ineligibleAll.filter((o) => members.has(o.orgId));
  const names = new Map((await orgNamesById(ctx, bad.map((o) => o.orgId))).map((o) => [o.id, o.name]));
  const consequences = consequencesOf(
    grade,
    previous?.grade ?? null,
    bad.map((o) => ({ orgId: o.orgId, name: names.get(o.orgId) ?? '', reason: o.standing === 'unpaired' ? '机关未结对共建' : '在职党员“双报到”未达标' })),
  );
  const now = ctx.clock.now();
  const committeeName = (await orgNamesById(ctx, [l.alliance.committeeOrgId]))[0]?.name ?? '';
  const upserts = [...lines].map(([indicatorId, line]) =>
    sql`INSERT INTO assessment_scores (id, assessment_id, indicator_id, raw, evidence, note, entered_by, updated_at)
        VALUES (${newId('asv', now)}, ${l.assessment.id}, ${indicatorId}, ${line.raw}, ${JSON.stringify(line.evidence)}, NULL, 'system', ${now})
        ON CONFLICT (assessment_id, indicator_id) DO UPDATE SET raw = excluded.raw, evidence = excluded.evidence, updated_at = excluded.updated_at`,
  );
  try {
    await writeBatch(ctx.db, [
      ...upserts,
      ctx.db
        .update(assessments)
        .set({ status: 'finalized', score, grade, consequences, finalizedAt: now, finalizedBy: ctx.actor.userId, updatedAt: now, version: l.assessment.version + 1 })
        .where(sql`${assessments.id} = ${l.assessment.id} AND ${assessments.status} = 'open' AND ${assessments.version} = ${l.assessment.version}`),
      auditGuarded(ctx, {
        action: 'assessment.finalize',
        entityType: 'assessment',
        entityId: l.assessment.id,
        before: { status: 'open' },
        after: { allianceId, year, status: 'finalized', score, grade, eligible: consequences.eligible, rectification: consequences.rectification, dissolutionProposal: consequences.dissolutionProposal },
      }),
      ctx.db
        .update(indicatorSchemes)
        .set({ status: 'frozen', frozenAt: now, updatedAt: now })
        .where(and(eq(indicatorSchemes.id, l.scheme.id), sql`${indicatorSchemes.status} <> 'frozen'`)),
      ...filingStatement(ctx, { id: allianceId, name: l.alliance.name, committeeOrgName: committeeName }, {
        kind: 'assessment',
        title: `${l.alliance.name}${year}年度考核结果`,
        summary: `${year}年度考核得分 ${points(score)} 分，等次：${ASSESSMENT_GRADE_LABELS[grade]}。${consequences.summary.join('；')}。`,
        filedOn: shanghaiDate(now),
      }),
    ]);
  } catch (err) {
    if (isStaleGuardError(err)) throw new AppError('conflict', '年度考核已被他人修改或已定档，请刷新后重试');
    throw err;
  }
  return assessmentView(await loadAssessment(ctx, input.id));
}
