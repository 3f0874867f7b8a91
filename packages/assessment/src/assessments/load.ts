import { asc, eq } from 'drizzle-orm';
import { forbidden, notFound, type Ctx } from '@ronghe/core';
import { loadAllianceRefs, type AllianceRef } from '@ronghe/alliance/read';
import { allows, type Action } from '@ronghe/identity';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_STATUS_LABELS,
  assessments,
  assessmentScores,
  INDICATOR_KIND_LABELS,
  INDICATOR_METRIC_LABELS,
  indicatorSchemes,
  RATER_GROUP_LABELS,
  schemeIndicators,
  type Assessment,
  type AssessmentConsequences,
  type AssessmentScore,
  type AssessmentView,
  type IndicatorScheme,
  type SchemeIndicator,
} from '@ronghe/schema';
import { totalScore, weightedLine } from './scoring.ts';

export interface Loaded {
  assessment: Assessment;
  scheme: IndicatorScheme;
  indicators: SchemeIndicator[];
  scores: AssessmentScore[];
  alliance: AllianceRef;
}

export const allianceTarget = (a: AllianceRef) => ({ allianceId: a.id, leadOrgId: a.leadOrgId, committeePath: a.committeePath });

/** An assessment with its scheme, indicators, scores and alliance; 404 when absent. One batch, then the alliance. */
export async function loadAssessment(ctx: Ctx, id: string): Promise<Loaded> {
  const [rows, scores] = await ctx.db.batch([
    ctx.db.select().from(assessments).where(eq(assessments.id, id)),
    ctx.db.select().from(assessmentScores).where(eq(assessmentScores.assessmentId, id)),
  ]);
  const assessment = rows[0];
  if (!assessment) throw notFound('年度考核');
  const [schemes, indicators] = await ctx.db.batch([
    ctx.db.select().from(indicatorSchemes).where(eq(indicatorSchemes.id, assessment.schemeId)),
    ctx.db.select().from(schemeIndicators).where(eq(schemeIndicators.schemeId, assessment.schemeId)).orderBy(asc(schemeIndicators.position)),
  ]);
  const alliance = (await loadAllianceRefs(ctx, [assessment.allianceId])).get(assessment.allianceId);
  if (!alliance || !schemes[0]) throw notFound('年度考核');
  return { assessment, scheme: schemes[0], indicators, scores, alliance };
}

/** The committee's (or the county's) act on an alliance's assessment. */
export function requireRun(ctx: Ctx, a: AllianceRef, action: Action = 'assessment.run'): void {
  if (!allows(ctx.actor, action, allianceTarget(a))) throw forbidden('只有批准设立该联合体的党（工）委或旗县区委组织部可以进行年度考核');
}

/** Scored indicators the committee has not entered yet (names). */
export function missingScores(l: Pick<Loaded, 'indicators' | 'scores'>): string[] {
  const have = new Set(l.scores.map((s) => s.indicatorId));
  return l.indicators.filter((i) => i.kind === 'scored' && !have.has(i.id)).map((i) => i.name);
}

export function assessmentView(l: Loaded): AssessmentView {
  const by = new Map(l.scores.map((s) => [s.indicatorId, s]));
  const lines = l.indicators.map((i) => {
    const s = by.get(i.id);
    return {
      indicatorId: i.id,
      position: i.position,
      name: i.name,
      criteria: i.criteria,
      kind: i.kind,
      kindLabel: INDICATOR_KIND_LABELS[i.kind],
      sourceLabel: i.metric ? INDICATOR_METRIC_LABELS[i.metric] : i.raterGroup ? RATER_GROUP_LABELS[i.raterGroup] : null,
      weight: i.weight,
      maxScore: i.maxScore,
      raw: s?.raw ?? null,
      weighted: s ? weightedLine(s.raw, i.maxScore, i.weight) : null,
      evidence: s?.evidence ?? null,
      evidenceText: typeof s?.evidence?.text === 'string' ? s.evidence.text : null,
      note: s?.note ?? null,
    };
  });
  const a = l.assessment;
  return {
    id: a.id,
    allianceId: a.allianceId,
    allianceName: l.alliance.name,
    year: a.year,
    schemeId: l.scheme.id,
    schemeName: l.scheme.name,
    status: a.status,
    statusLabel: ASSESSMENT_STATUS_LABELS[a.status],
    score: a.score,
    provisionalScore: totalScore(l.indicators.flatMap((i) => (by.has(i.id) ? [{ raw: by.get(i.id)!.raw, maxScore: i.maxScore, weight: i.weight }] : []))),
    grade: a.grade,
    gradeLabel: a.grade ? ASSESSMENT_GRADE_LABELS[a.grade] : null,
    consequences: (a.consequences as AssessmentConsequences | null) ?? null,
    scores: lines,
    missing: missingScores(l),
    finalizedAt: a.finalizedAt,
    version: a.version,
  };
}

export async function getAssessment({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<AssessmentView> {
  return assessmentView(await loadAssessment(ctx, input.id));
}
