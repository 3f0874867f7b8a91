import { auditInsert, forbidden, newId, validation, writeBatch, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { organizationsById } from '@ronghe/registry/read';
import { branchStandardizations, type BranchStandardization, type StandardizationApply, type StandardizationView } from '@ronghe/schema';
import { once } from '../shared/guards.ts';
import { standardizationView } from './view.ts';

/** Kinds of organization the standardization is about (seed 004: 党支部, including a 联合党支部). */
const BRANCH_KINDS = new Set(['党支部', '联合党支部']);

/** 支部申请 (seed 004 三(三)): the branch (its own account) or the county applies for a year, with its self-assessment. */
export async function applyStandardization({ ctx, input }: { ctx: Ctx; input: StandardizationApply }): Promise<StandardizationView> {
  const org = (await organizationsById(ctx, [input.orgId])).get(input.orgId);
  if (!org || org.status !== 'active') throw validation([{ path: 'body.orgId', message: '党支部不存在或已停用' }]);
  if (!allows(ctx.actor, 'standardization.apply', { orgId: org.id, orgPath: org.path })) throw forbidden('只有本支部或旗县区委组织部可以申请标准化规范化考评');
  if (!BRANCH_KINDS.has(org.kind)) throw validation([{ path: 'body.orgId', message: '只有党支部可以申请标准化规范化考评' }]);
  const now = ctx.clock.now();
  const row: BranchStandardization = {
    id: newId('bsa', now),
    orgId: org.id,
    year: input.year,
    status: 'applied',
    selfAssessment: input.selfAssessment,
    appliedBy: ctx.actor.userId,
    appliedAt: now,
    orgScore: null,
    annualReviewGrade: null,
    membersEvaluating: null,
    membersExcellent: null,
    membersGood: null,
    membersFair: null,
    membersPoor: null,
    residentsSatisfied: null,
    residentsBasic: null,
    residentsDissatisfied: null,
    residentsDissatisfiedVerified: null,
    departmentsConsulted: null,
    departmentObjections: null,
    evaluationNote: null,
    evidence: null,
    evaluatedBy: null,
    evaluatedAt: null,
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
    revokedReason: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await once(/UNIQUE constraint failed: branch_standardizations/, `该支部 ${input.year} 年度已有标准化规范化申请`, 'body.year', () =>
    writeBatch(ctx.db, [
      ctx.db.insert(branchStandardizations).values(row),
      auditInsert(ctx, { action: 'standardization.apply', entityType: 'branch_standardization', entityId: row.id, after: { orgId: row.orgId, year: row.year, status: row.status } }),
    ]),
  );
  return standardizationView(ctx, row);
}
