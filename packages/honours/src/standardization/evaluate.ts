import { and, eq } from 'drizzle-orm';
import { auditGuarded, conflict, forbidden, writeBatch, type Ctx } from '@ronghe/core';
import { orgLifeCompliance } from '@ronghe/activities/read';
import { allows } from '@ronghe/identity';
import { organizationsById } from '@ronghe/registry/read';
import { branchStandardizations, STANDARDIZATION_STATUS_LABELS, type StandardizationEvaluate, type StandardizationEvidence, type StandardizationView } from '@ronghe/schema';
import { decideOnce } from '../shared/guards.ts';
import { loadStandardization, standardizationView } from './view.ts';

/**
 * 街道党工委考评 (seed 004 三(三)): the committee the branch lies under enters the 四评 as tallies; the facts other
 * capabilities hold (organizational life of the year, 软弱涣散) are read now and kept with the evaluation as evidence.
 */
export async function evaluateStandardization({ ctx, id, input }: { ctx: Ctx; id: string; input: StandardizationEvaluate }): Promise<StandardizationView> {
  const app = await loadStandardization(ctx, id);
  const org = (await organizationsById(ctx, [app.orgId])).get(app.orgId);
  if (!allows(ctx.actor, 'standardization.evaluate', { orgId: app.orgId, orgPath: org?.path })) throw forbidden('只有该支部所在的街道（乡镇）党(工)委可以考评');
  if (app.status !== 'applied') throw conflict(`该申请${STANDARDIZATION_STATUS_LABELS[app.status]}，不能再考评`);
  const life = (await orgLifeCompliance(ctx, app.year, [app.orgId])).get(app.orgId);
  const evidence: StandardizationEvidence = {
    orgLife: life ? { status: life.status, behindKinds: life.behindKinds, onDate: life.onDate } : null,
    weakFlag: org?.weakFlag ?? false,
  };
  const now = ctx.clock.now();
  const fields = {
    orgScore: input.orgScore,
    annualReviewGrade: input.annualReviewGrade,
    membersEvaluating: input.membersEvaluating,
    membersExcellent: input.membersExcellent,
    membersGood: input.membersGood,
    membersFair: input.membersFair,
    membersPoor: input.membersPoor,
    residentsSatisfied: input.residentsSatisfied,
    residentsBasic: input.residentsBasic,
    residentsDissatisfied: input.residentsDissatisfied,
    residentsDissatisfiedVerified: input.residentsDissatisfiedVerified,
    departmentsConsulted: input.departmentsConsulted,
    departmentObjections: input.departmentObjections,
    evaluationNote: input.note ?? null,
  };
  await decideOnce('该申请已被他人考评，请刷新后查看', () =>
    writeBatch(ctx.db, [
      ctx.db
        .update(branchStandardizations)
        .set({ ...fields, evidence, status: 'evaluated', evaluatedBy: ctx.actor.userId, evaluatedAt: now, updatedAt: now })
        .where(and(eq(branchStandardizations.id, id), eq(branchStandardizations.status, 'applied'))),
      auditGuarded(ctx, {
        action: 'standardization.evaluate',
        entityType: 'branch_standardization',
        entityId: id,
        before: { status: 'applied' },
        after: {
          status: 'evaluated',
          orgId: app.orgId,
          year: app.year,
          orgScore: input.orgScore,
          annualReviewGrade: input.annualReviewGrade,
          membersEvaluating: input.membersEvaluating,
          membersExcellent: input.membersExcellent,
          residentsDissatisfiedVerified: input.residentsDissatisfiedVerified,
          departmentObjections: input.departmentObjections.length,
        },
      }),
    ]),
  );
  return standardizationView(ctx, await loadStandardization(ctx, id));
}
