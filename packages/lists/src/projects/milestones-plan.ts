import { eq } from 'drizzle-orm';
import { AppError, newId, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import { PROJECT_STATUS_LABELS, projectMilestones, type ProjectDetailView, type ProjectMilestone } from '@ronghe/schema';
import { runQuantityGuarded } from '../shared/writes.ts';
import { today } from '../shared/dates.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { assertMayManage, assertProjectVersion, projectFieldsError } from './project-rules.ts';
import { isOpenProject } from './warnings.ts';
import { bumpProject, noteInsert, warningColumns } from './write-common.ts';
import { rollUpProgress } from './warnings.ts';

// Milestones with weights; the project's progress is their weighted mean,
// recomputed in the same batch as every milestone change (Decidim
// accountability style).

export interface MilestonePlanItem {
  id?: string;
  title: string;
  weight: number;
  dueOn?: string | null;
  progressPct?: number;
  note?: string | null;
}

/** The alliance replaces the plan: items with an id are kept and edited, new ones added, missing ones removed. */
export async function planMilestones({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; milestones: MilestonePlanItem[] } }): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  assertMayManage(ctx, parts.alliance);
  if (!isOpenProject(p.status)) throw new AppError('conflict', `项目当前为“${PROJECT_STATUS_LABELS[p.status]}”状态，不能再调整节点计划`);
  assertProjectVersion(p.version, input.expectedVersion);
  const existing = new Map(parts.milestones.map((m) => [m.id, m]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.milestones.forEach((m, i) => {
    if (!m.id) return;
    if (!existing.has(m.id)) errors.push({ path: `body.milestones.${i}.id`, message: '该节点不属于本项目' });
    else if (seen.has(m.id)) errors.push({ path: `body.milestones.${i}.id`, message: '节点重复' });
    seen.add(m.id);
  });
  if (errors.length) throw projectFieldsError(errors);

  const now = ctx.clock.now();
  const t = today(ctx);
  const next: ProjectMilestone[] = input.milestones.map((m, i) => {
    const old = m.id ? existing.get(m.id) : undefined;
    const pct = m.progressPct ?? old?.progressPct ?? 0;
    return {
      id: old?.id ?? newId('pms', now),
      projectId: p.id,
      title: m.title,
      weight: m.weight,
      dueOn: m.dueOn === undefined ? (old?.dueOn ?? null) : m.dueOn,
      progressPct: pct,
      doneOn: pct === 100 ? (old?.doneOn ?? t) : null,
      note: m.note === undefined ? (old?.note ?? null) : m.note,
      sortOrder: i,
    };
  });
  const progressBp = rollUpProgress(next);
  const keep = new Set(next.map((m) => m.id));
  const statements: Statement[] = [
    ...bumpProject(ctx, p, { progressBp, ...warningColumns(ctx, { ...p, progressBp }, next) }, {
      action: 'project.plan',
      before: { progressBp: p.progressBp, milestones: parts.milestones.map(({ id, title, weight, dueOn, progressPct }) => ({ id, title, weight, dueOn, progressPct })) },
      after: { progressBp, milestones: next.map(({ id, title, weight, dueOn, progressPct }) => ({ id, title, weight, dueOn, progressPct })) },
    }),
    ...parts.milestones.filter((m) => !keep.has(m.id)).map((m) => ctx.db.delete(projectMilestones).where(eq(projectMilestones.id, m.id))),
    ...next.map((m) =>
      existing.has(m.id)
        ? ctx.db.update(projectMilestones).set({ title: m.title, weight: m.weight, dueOn: m.dueOn, progressPct: m.progressPct, doneOn: m.doneOn, note: m.note, sortOrder: m.sortOrder }).where(eq(projectMilestones.id, m.id))
        : ctx.db.insert(projectMilestones).values(m),
    ),
    noteInsert(ctx, { projectId: p.id, kind: 'event', body: `调整节点计划：${next.map((m) => `${m.title}（权重 ${m.weight}）`).join('、') || '无节点'}`, authorOrgId: parts.alliance.leadOrgId }),
  ];
  await runQuantityGuarded(() => writeBatch(ctx.db, statements));
  return getProject({ ctx, input: { id: p.id } });
}
