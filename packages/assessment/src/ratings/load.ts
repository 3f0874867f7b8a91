import { eq } from 'drizzle-orm';
import { conflict, notFound, type Ctx } from '@ronghe/core';
import type { Target } from '@ronghe/identity';
import { loadAllianceRefs, type AllianceRef } from '@ronghe/alliance/read';
import { assessments, type Assessment } from '@ronghe/schema';

export interface LoadedAssessment {
  assessment: Assessment;
  alliance: AllianceRef;
  /** Where the assessment sits for scoped grants: its alliance and approving committee. */
  target: Target;
}

/** An assessment of this county with its alliance, or 404 (a foreign or unknown id looks the same). */
export async function loadAssessment(ctx: Ctx, id: string): Promise<LoadedAssessment> {
  const [assessment] = await ctx.db.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  if (!assessment) throw notFound('考核');
  const alliance = (await loadAllianceRefs(ctx, [assessment.allianceId])).get(assessment.allianceId);
  if (!alliance) throw notFound('考核');
  return { assessment, alliance, target: { allianceId: alliance.id, leadOrgId: alliance.leadOrgId, committeePath: alliance.committeePath } };
}

export const CLOSED = '该考核已完成评定，不再接受评价';

/** Ratings come in only while the assessment is open. */
export function assertOpen(a: Assessment): void {
  if (a.status !== 'open') throw conflict(CLOSED);
}
