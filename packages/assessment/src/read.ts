import type { Ctx } from '@ronghe/core';
import type { AssessmentGrade } from '@ronghe/schema';

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
  void ctx;
  void year;
  return [];
}
