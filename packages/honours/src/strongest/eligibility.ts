import { and, desc, eq } from 'drizzle-orm';
import { notFound, type Ctx } from '@ronghe/core';
import { organizationsById } from '@ronghe/registry/read';
import { branchStandardizations, type BranchStandardization, type Organization, type StrongestEligibility } from '@ronghe/schema';
import { checkStrongest } from './rules.ts';

export interface StrongestCheck {
  org: Organization;
  application: BranchStandardization | null;
  result: StrongestEligibility;
}

/** The rule-by-rule check of a branch for a year (GET …/eligibility, and the designation's own check). */
export async function checkBranch(ctx: Ctx, orgId: string, year: number): Promise<StrongestCheck | null> {
  const org = (await organizationsById(ctx, [orgId])).get(orgId);
  if (!org) return null;
  const [application] = await ctx.db
    .select()
    .from(branchStandardizations)
    .where(and(eq(branchStandardizations.orgId, orgId), eq(branchStandardizations.year, year), eq(branchStandardizations.status, 'accepted')))
    .orderBy(desc(branchStandardizations.decidedAt))
    .limit(1);
  const a = application ?? null;
  const rules = checkStrongest({
    standardized: !!a,
    annualReviewGrade: a?.annualReviewGrade ?? null,
    membersEvaluating: a?.membersEvaluating ?? null,
    membersExcellent: a?.membersExcellent ?? null,
    residentsDissatisfiedVerified: a?.residentsDissatisfiedVerified ?? null,
    departmentObjections: a ? (a.departmentObjections?.length ?? 0) : null,
    weakFlag: org.weakFlag,
  });
  return { org, application: a, result: { orgId, orgName: org.name, year, eligible: rules.every((r) => r.passed), rules } };
}

export async function strongestEligibility({ ctx, input }: { ctx: Ctx; input: { orgId: string; year: number } }): Promise<StrongestEligibility> {
  const c = await checkBranch(ctx, input.orgId, input.year);
  if (!c) throw notFound('党支部');
  return c.result;
}
