import { notFound, type Ctx } from '@ronghe/core';
import { orgNamesById } from '@ronghe/registry/read';
import { branchStandardizations, STANDARDIZATION_STATUS_LABELS, type BranchStandardization, type StandardizationView } from '@ronghe/schema';
import { eq } from 'drizzle-orm';

export async function loadStandardization(ctx: Ctx, id: string): Promise<BranchStandardization> {
  const [row] = await ctx.db.select().from(branchStandardizations).where(eq(branchStandardizations.id, id));
  if (!row) throw notFound('标准化规范化申请');
  return row;
}

export async function standardizationViews(ctx: Ctx, rows: readonly BranchStandardization[]): Promise<StandardizationView[]> {
  const names = new Map((await orgNamesById(ctx, [...new Set(rows.map((r) => r.orgId))])).map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '（已删除的组织）',
    year: r.year,
    status: r.status,
    statusLabel: STANDARDIZATION_STATUS_LABELS[r.status],
    selfAssessment: r.selfAssessment,
    appliedAt: r.appliedAt,
    orgScore: r.orgScore,
    annualReviewGrade: r.annualReviewGrade,
    membersEvaluating: r.membersEvaluating,
    membersExcellent: r.membersExcellent,
    membersGood: r.membersGood,
    membersFair: r.membersFair,
    membersPoor: r.membersPoor,
    residentsSatisfied: r.residentsSatisfied,
    residentsBasic: r.residentsBasic,
    residentsDissatisfied: r.residentsDissatisfied,
    residentsDissatisfiedVerified: r.residentsDissatisfiedVerified,
    departmentsConsulted: r.departmentsConsulted,
    departmentObjections: r.departmentObjections,
    evaluationNote: r.evaluationNote,
    evidence: r.evidence,
    evaluatedAt: r.evaluatedAt,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt,
    revokedReason: r.revokedReason,
    revokedAt: r.revokedAt,
  }));
}

export async function standardizationView(ctx: Ctx, row: BranchStandardization): Promise<StandardizationView> {
  return (await standardizationViews(ctx, [row]))[0]!;
}
