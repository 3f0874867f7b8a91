import { and, eq } from 'drizzle-orm';
import type { Ctx } from '@ronghe/core';
import { assessments, type AssessmentConsequences, type AssessmentGrade } from '@ronghe/schema';

// What other capabilities may read of the assessment capability (ADR 0010).

/** A finalized annual assessment of an alliance, as the reward rounds and the rollup read it. */
export interface AssessmentResult {
  assessmentId: string;
  allianceId: string;
  year: number;
  /** Hundredths of a point of 100. */
  score: number;
  grade: AssessmentGrade;
  /** Eligible for 评先评优 and rewards (not 较差, not under rectification). */
  eligible: boolean;
  /** 较差: the alliance is to be rectified (规范整顿). */
  rectification: boolean;
  finalizedAt: number;
}

/** The finalized assessments of `year` (lane assess implements; the interface is fixed for the rewards lane). */
export async function assessmentResults(ctx: Ctx, year: number): Promise<AssessmentResult[]> {
  const rows = await ctx.db
    .select()
    .from(assessments)
    .where(and(eq(assessments.year, year), eq(assessments.status, 'finalized')));
  return rows.flatMap((a) => {
    // The CHECK on the table makes score and grade present once finalized; the guard only narrows the types.
    if (a.score === null || a.grade === null) return [];
    const c = a.consequences as AssessmentConsequences | null;
    const rectification = c?.rectification ?? a.grade === 'poor';
    return [{ assessmentId: a.id, allianceId: a.allianceId, year: a.year, score: a.score, grade: a.grade, eligible: (c?.eligible ?? a.grade !== 'poor') && !rectification, rectification, finalizedAt: a.finalizedAt ?? 0 }];
  });
}

/** How many of the year's finalized assessments reached each grade (best first, every grade listed). */
export { gradeDistribution } from './assessments/list.ts';

// The city's rollup (issue 13): the grade distribution and the drill-down's grades.
export { assessmentRollup, latestGradesStatement } from './rollup.ts';
