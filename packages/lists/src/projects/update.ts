import { AppError, writeBatch, type Ctx } from '@ronghe/core';
import { type Project, type ProjectDetailView, type ProjectUpdateInput } from '@ronghe/schema';
import { runQuantityGuarded } from '../shared/writes.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { assertMayManage, assertProjectVersion, projectFieldsError, isFinalProject } from './project-rules.ts';
import { warningColumns, bumpProject } from './write-common.ts';
import { fundingTotal, projectFieldErrors } from './create.ts';

export async function updateProject({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: ProjectUpdateInput } }): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  assertMayManage(ctx, parts.alliance);
  if (isFinalProject(p.status)) throw new AppError('conflict', `项目已${p.status === 'accepted' ? '验收' : '取消'}，不能再修改`);
  assertProjectVersion(p.version, input.expectedVersion);
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as ProjectUpdateInput;
  const next = { ...p, ...patch } as Project;
  if (patch.funding) next.budgetFen = fundingTotal(patch.funding);
  const errors = await projectFieldErrors(ctx, p.allianceId, { ...next, ownerOrgId: patch.ownerOrgId, categoryId: patch.categoryId }, { dueChanged: patch.dueOn !== undefined && patch.dueOn !== p.dueOn });
  if (errors.length) throw projectFieldsError(errors);
  const set: Partial<Project> = { ...(patch as Partial<Project>), budgetFen: next.budgetFen, ...warningColumns(ctx, next, parts.milestones) };
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, p[k as keyof Project]]));
  await runQuantityGuarded(() => writeBatch(ctx.db, bumpProject(ctx, p, set, { action: 'project.update', before, after: patch })));
  return getProject({ ctx, input: { id: p.id } });
}
