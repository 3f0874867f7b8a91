import { newId, openDb } from '@ronghe/core';
import { activityQuotaPlans, assessmentRatings, assessments, assessmentScores, indicatorSchemes, pointOrgTotals, ratingLinks, schemeIndicators, type ActivityKind, type AssessmentGrade, type RaterGroup } from '@ronghe/schema';
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

let yearSeq = 0;
/** A year no other case of the run uses (one assessment per alliance and year). */
export const freshYear = () => 3000 + ++yearSeq;

/**
 * A scheme straight in the database: 联席会议 (computed, 50 %) and 工作实绩
 * (scored by the committee, 50 %), in the state asked for.
 */
export async function makeScheme(tenant: string, status: 'draft' | 'published' | 'frozen' = 'draft', year = freshYear()): Promise<{ id: string; computedId: string; scoredId: string; year: number }> {
  const now = Date.now();
  const id = newId('isc', now);
  const computedId = newId('ind', now);
  const scoredId = newId('ind', now);
  const d = dbOf(tenant);
  await d.insert(indicatorSchemes).values({ id, level: 'county', year, version: 1, name: `${year}年度考核指标`, status, thresholds: { excellent: 9000, good: 8000, fair: 6000 }, createdBy: 'usr_factory', createdAt: now, updatedAt: now });
  await d.insert(schemeIndicators).values([
    { id: computedId, schemeId: id, position: 1, name: '联席会议制度落实', criteria: '', kind: 'computed', metric: 'meetings_held', raterGroup: null, weight: 50, maxScore: 10 },
    { id: scoredId, schemeId: id, position: 2, name: '工作实绩', criteria: '', kind: 'scored', metric: null, raterGroup: null, weight: 50, maxScore: 100 },
  ]);
  return { id, computedId, scoredId, year };
}

/** An open assessment of an alliance on a fresh published scheme; `scored`: the committee's score already entered (ready to finalize). */
export async function makeOpenAssessment(tenant: string, allianceId: string, committeeOrgId: string, scored = false): Promise<{ id: string; scoredId: string }> {
  const s = await makeScheme(tenant, 'published');
  const now = Date.now();
  const id = newId('asm', now);
  const d = dbOf(tenant);
  await d.insert(assessments).values({ id, allianceId, year: s.year, schemeId: s.id, committeeOrgId, status: 'open', createdBy: 'usr_factory', createdAt: now, updatedAt: now });
  if (scored) await d.insert(assessmentScores).values({ id: newId('asv', now), assessmentId: id, indicatorId: s.scoredId, raw: 8000, evidence: { text: '考核组评分 80 / 100 分' }, enteredBy: 'usr_factory', updatedAt: now });
  return { id, scoredId: s.scoredId };
}

/** A branch's points total for a year, as the points ledger keeps it beside each entry. */
export async function makeOrgPoints(tenant: string, orgId: string, year: number, total: number): Promise<void> {
  await dbOf(tenant).insert(pointOrgTotals).values({ orgId, year, total, updatedAt: Date.now() });
}

// Issue 12, lane raters.
let raterYearSeq = 0;

/**
 * An assessment of an alliance straight in the tenant database, with a
 * published scheme of its own (setup only: lane assess writes the real
 * operations). Years count up from 2100 so two in one alliance never clash
 * on (alliance, year). `finalized` gives it a score and grade as the CHECK asks.
 */
export async function makeAssessment(
  tenant: string,
  opts: { allianceId: string; committeeOrgId: string; status?: 'open' | 'finalized'; year?: number },
): Promise<{ id: string; schemeId: string; year: number }> {
  const db = dbOf(tenant);
  const now = Date.now();
  const year = opts.year ?? 2100 + ++raterYearSeq;
  const schemeId = newId('isc', now);
  const id = newId('asm', now);
  const finalized = opts.status === 'finalized';
  await db.batch([
    db.insert(indicatorSchemes).values({
      id: schemeId,
      level: 'county',
      year,
      version: 1 + Math.floor(Math.random() * 1_000_000),
      name: `${year}年度联合体考核指标`,
      status: 'published',
      thresholds: { excellent: 9000, good: 7500, fair: 6000 },
      createdBy: 'usr_test',
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(assessments).values({
      id,
      allianceId: opts.allianceId,
      year,
      schemeId,
      committeeOrgId: opts.committeeOrgId,
      status: finalized ? 'finalized' : 'open',
      score: finalized ? 8800 : null,
      grade: finalized ? 'good' : null,
      finalizedAt: finalized ? now : null,
      finalizedBy: finalized ? 'usr_test' : null,
      createdBy: 'usr_test',
      createdAt: now,
      updatedAt: now,
    }),
  ]);
  return { id, schemeId, year };
}

/** A resident's link straight in the tenant database (unused, 30 days), with its token — as issuing would show it once. */
export async function makeRatingLink(tenant: string, assessmentId: string): Promise<{ id: string; token: string }> {
  const { newLinkToken, tokenHash } = await import('../../packages/assessment/src/ratings/tokens.ts');
  const now = Date.now();
  const token = newLinkToken(tenant);
  const id = newId('rlk', now);
  await dbOf(tenant).insert(ratingLinks).values({ id, assessmentId, raterGroup: 'resident', tokenHash: await tokenHash(token), label: null, expiresAt: now + 30 * 86_400_000, createdBy: 'usr_test', createdAt: now });
  return { id, token };
}
