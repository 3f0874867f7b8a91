import { newId, openDb } from '@ronghe/core';
import { assessments, indicatorSchemes, ratingLinks } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

const dbOf = (tenant: string) => openDb(bindings[findTenant(tenant)!.binding]!);
let yearSeq = 0;

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
  const year = opts.year ?? 2100 + ++yearSeq;
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
