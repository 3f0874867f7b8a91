import { newId, openDb } from '@ronghe/core';
import { activityQuotaPlans, assessmentRatings, assessments, type ActivityKind, type AssessmentGrade, type RaterGroup } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

// Issue 12, lane assess: rows the assessment reads that other lanes' routes write
// (a quota plan, 四评 ratings, last year's result), written straight into the county's database.

const dbOf = (tenant: string) => openDb(bindings[findTenant(tenant)!.binding]!);

/** An alliance's own quota plan for a year: one row (kind, period, required per period). */
export async function makeQuotaPlan(tenant: string, allianceId: string, year: number, row: { kind: ActivityKind; period: 'year' | 'half' | 'quarter' | 'month'; required: number }): Promise<void> {
  const now = Date.now();
  await dbOf(tenant).insert(activityQuotaPlans).values({ id: newId('qpl', now), allianceId, year, ...row, createdAt: now, updatedAt: now });
}

/** Ratings of one 四评 group on an assessment (lane raters writes them through its routes). */
export async function makeRatings(tenant: string, assessmentId: string, group: RaterGroup, scores: readonly number[]): Promise<void> {
  const now = Date.now();
  await dbOf(tenant)
    .insert(assessmentRatings)
    .values(scores.map((score, i) => ({ id: newId('rtg', now), assessmentId, raterGroup: group, raterKey: `${group}_${i}_${now}`, score, level: score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '一般' : '较差', createdAt: now })));
}

/** A finalized assessment of an earlier year (the previous 较差 behind a dissolution proposal). */
export async function makeFinalizedAssessment(tenant: string, f: { allianceId: string; year: number; schemeId: string; committeeOrgId: string; score: number; grade: AssessmentGrade }): Promise<string> {
  const now = Date.now();
  const id = newId('asm', now);
  await dbOf(tenant)
    .insert(assessments)
    .values({ id, allianceId: f.allianceId, year: f.year, schemeId: f.schemeId, committeeOrgId: f.committeeOrgId, status: 'finalized', score: f.score, grade: f.grade, consequences: { rectification: f.grade === 'poor', eligible: f.grade !== 'poor' }, finalizedAt: now, finalizedBy: 'usr_factory', createdBy: 'usr_factory', createdAt: now, updatedAt: now });
  return id;
}
