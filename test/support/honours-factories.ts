import { newId, openDb } from '@ronghe/core';
import { branchStandardizations, demoSites, honourDesignations, type BranchStandardization, type HonourLevel, type ReviewGrade } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { bindings } from './worker.ts';

// Honours (issue 12) test data written straight into a county's database, the way packages/honours writes it.

const dbOf = (tenant: string) => {
  const t = findTenant(tenant);
  if (!t) throw new Error(`unknown tenant ${tenant}`);
  return openDb(bindings[t.binding]!);
};

/** This year in Asia/Shanghai. */
export const THIS_YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/**
 * 四评 tallies that pass every 最强 rule, worked out by hand: 20 members evaluated, 18 优秀 (exactly 90 %), 2 良好;
 * 30 residents with 1 不满意 that was NOT verified; 3 departments consulted, none objecting; review grade 优秀.
 */
export const PASSING_TALLIES = {
  orgScore: 92,
  annualReviewGrade: '优秀' as ReviewGrade,
  membersEvaluating: 20,
  membersExcellent: 18,
  membersGood: 2,
  membersFair: 0,
  membersPoor: 0,
  residentsSatisfied: 25,
  residentsBasic: 4,
  residentsDissatisfied: 1,
  residentsDissatisfiedVerified: 0,
  departmentsConsulted: 3,
  departmentObjections: [] as Array<{ department: string; text: string }>,
};

/** An application of `orgId` for `year` in the state asked for (evaluated/accepted ones carry the passing tallies, or `tallies`). */
export async function makeStandardization(
  tenant: string,
  orgId: string,
  status: 'applied' | 'evaluated' | 'accepted' = 'applied',
  opts: { year?: number; tallies?: Partial<typeof PASSING_TALLIES> } = {},
): Promise<BranchStandardization> {
  const now = Date.now();
  const evaluated = status !== 'applied';
  const t = { ...PASSING_TALLIES, ...opts.tallies };
  const row: BranchStandardization = {
    id: newId('bsa', now),
    orgId,
    year: opts.year ?? THIS_YEAR,
    status,
    selfAssessment: '对照标准化规范化建设要求逐项自评，基本设置、基本队伍、基本制度均已达标。',
    appliedBy: 'test',
    appliedAt: now,
    orgScore: evaluated ? t.orgScore : null,
    annualReviewGrade: evaluated ? t.annualReviewGrade : null,
    membersEvaluating: evaluated ? t.membersEvaluating : null,
    membersExcellent: evaluated ? t.membersExcellent : null,
    membersGood: evaluated ? t.membersGood : null,
    membersFair: evaluated ? t.membersFair : null,
    membersPoor: evaluated ? t.membersPoor : null,
    residentsSatisfied: evaluated ? t.residentsSatisfied : null,
    residentsBasic: evaluated ? t.residentsBasic : null,
    residentsDissatisfied: evaluated ? t.residentsDissatisfied : null,
    residentsDissatisfiedVerified: evaluated ? t.residentsDissatisfiedVerified : null,
    departmentsConsulted: evaluated ? t.departmentsConsulted : null,
    departmentObjections: evaluated ? t.departmentObjections : null,
    evaluationNote: null,
    evidence: evaluated ? { orgLife: null, weakFlag: false } : null,
    evaluatedBy: evaluated ? 'test' : null,
    evaluatedAt: evaluated ? now : null,
    decisionReason: null,
    decidedBy: status === 'accepted' ? 'test' : null,
    decidedAt: status === 'accepted' ? now : null,
    revokedReason: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await dbOf(tenant).insert(branchStandardizations).values(row);
  return row;
}

/** A 最强党支部 designation in force on an accepted application. */
export async function makeDesignation(tenant: string, app: { id: string; orgId: string; year: number }, level: HonourLevel): Promise<{ id: string }> {
  const now = Date.now();
  const id = newId('dsg', now);
  await dbOf(tenant)
    .insert(honourDesignations)
    .values({ id, orgId: app.orgId, year: app.year, level, status: 'in_force', standardizationId: app.id, reason: '各项规则均满足', checks: [], designatedBy: 'test', designatedAt: now });
  return { id };
}

/** A demonstration site in force: an alliance of the county. */
export async function makeDemoSite(tenant: string, allianceId: string, level: HonourLevel, opts: { year?: number } = {}): Promise<{ id: string }> {
  const now = Date.now();
  const id = newId('dms', now);
  await dbOf(tenant)
    .insert(demoSites)
    .values({ id, subjectType: 'alliance', allianceId, orgId: null, level, year: opts.year ?? THIS_YEAR, status: 'in_force', reason: '联建共建成效明显', evidence: '年度考核优秀', documentIds: [], designatedBy: 'test', designatedAt: now });
  return { id };
}

/** What the route cases aim at (see honours-route-cases.ts). */
export interface HonoursFixture {
  /** An application of next year, waiting for the committee. */
  applied: string;
  /** Last year's, evaluated, waiting for the county. */
  evaluated: string;
  /** Two years ago: accepted, designated 区级 and 市级; the alliance a 区级 and a 市级 示范点. */
  designations: Record<HonourLevel, string>;
  demoSites: Record<HonourLevel, string>;
}

/**
 * The branch's honours over four years (one live application per year): next year applied, last year evaluated, this
 * year accepted with passing tallies (so it may be designated now), two years ago designated at both levels.
 */
export async function makeHonoursFixture(tenant: string, orgId: string, allianceId: string): Promise<HonoursFixture> {
  const applied = await makeStandardization(tenant, orgId, 'applied', { year: THIS_YEAR + 1 });
  const evaluated = await makeStandardization(tenant, orgId, 'evaluated', { year: THIS_YEAR - 1 });
  await makeStandardization(tenant, orgId, 'accepted', { year: THIS_YEAR });
  const old = await makeStandardization(tenant, orgId, 'accepted', { year: THIS_YEAR - 2 });
  return {
    applied: applied.id,
    evaluated: evaluated.id,
    designations: { county: (await makeDesignation(tenant, old, 'county')).id, city: (await makeDesignation(tenant, old, 'city')).id },
    demoSites: { county: (await makeDemoSite(tenant, allianceId, 'county', { year: THIS_YEAR - 2 })).id, city: (await makeDemoSite(tenant, allianceId, 'city', { year: THIS_YEAR - 2 })).id },
  };
}
