import { allAllianceRefsQuery, FOUNDED } from '@ronghe/alliance/read';
import { assessmentResults } from '@ronghe/assessment/read';
import type { Ctx } from '@ronghe/core';
import { honoursOfYear } from '@ronghe/honours/read';
import { ineligibleOrgs } from '@ronghe/people/read';
import { branchStandings } from '@ronghe/registry/read';
import type { RewardRound } from '@ronghe/schema';
import type { Recipient } from '../allocate/types.ts';
import { visitCounties, type RoundsEnv } from './tenants.ts';

/** Alliances a round can reward: those that run (not drafts, refusals or dissolved ones). */
const RUNNING = new Set<string>(FOUNDED);

/** The registry's branch quality (seed 004), as the designation codes rounds name. */
const QUALITY_DESIGNATIONS: Record<string, string[]> = {
  未达标: [],
  标准化规范化: ['standardized'],
  '最强党支部（区级）': ['standardized', 'strongest_county'],
  '最强党支部（市级）': ['standardized', 'strongest_city'],
};

/**
 * The recipients of a round with the facts its rules weigh, read now through
 * the other capabilities' read.ts (ADR 0010): the year's finalized assessment
 * (grade, score, rectification), designations in force (最强党支部, 示范点),
 * the branch quality and 软弱涣散 flag, and 双报到 (seed 003: an organization
 * that did not report is not eligible for 评先评优 that year). Sorted by id:
 * the engine does not depend on order, but a stored table reads the same twice.
 */
export async function loadCandidates(ctx: Ctx, round: Pick<RewardRound, 'subject' | 'year' | 'level'>, env?: RoundsEnv): Promise<Recipient[]> {
  if (round.level !== 'city') return countyCandidates(ctx, round);
  // A city round (ADR 0025): every county's candidates, read in that county's database through the same
  // capabilities' read.ts, each named with its county and carrying it; in county order, then by id.
  if (!env) throw new Error('a city round needs the counties’ databases');
  const visits = await visitCounties(ctx, env, (c) => countyCandidates(c, round));
  return visits.flatMap(({ county, value }) => value.map((r) => ({ ...r, name: `${county.name}·${r.name}`, tenant: county.slug })));
}

/** One county's recipients of a round (the county's own database). */
async function countyCandidates(ctx: Ctx, round: Pick<RewardRound, 'subject' | 'year'>): Promise<Recipient[]> {
  const [honours, ineligible] = await Promise.all([honoursOfYear(ctx, round.year), ineligibleOrgs(ctx, round.year)]);
  const notReported = new Set(ineligible.map((o) => o.orgId));
  const honoured = new Map<string, string[]>();
  for (const h of honours) honoured.set(h.subjectId, [...(honoured.get(h.subjectId) ?? []), h.kind]);

  if (round.subject === 'alliance') {
    const [refs, results] = await Promise.all([allAllianceRefsQuery(ctx), assessmentResults(ctx, round.year)]);
    const resultOf = new Map(results.map((r) => [r.allianceId, r]));
    return refs
      .filter((a) => RUNNING.has(a.status))
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((a) => {
        const r = resultOf.get(a.id);
        return {
          id: a.id,
          name: a.name,
          facts: {
            ...(r ? { grade: r.grade, scoreHundredths: r.score } : {}),
            designations: [...new Set(honoured.get(a.id) ?? [])].sort(),
            underRectification: a.status === 'rectifying' || (r?.rectification ?? false),
            // An alliance answers for its lead organization's 双报到.
            memberReportOk: !notReported.has(a.leadOrgId),
          },
        };
      });
  }
  const branches = await branchStandings(ctx);
  return branches.map((b) => ({
    id: b.id,
    name: b.name,
    facts: {
      designations: [...new Set([...(QUALITY_DESIGNATIONS[b.qualityStatus] ?? []), ...(honoured.get(b.id) ?? [])])].sort(),
      underRectification: b.weakFlag,
      memberReportOk: !notReported.has(b.id),
    },
  }));
}
