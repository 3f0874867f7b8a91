import { and, eq } from 'drizzle-orm';
import { auditGuarded, newId, shanghaiDate, type Ctx, type Statement } from '@ronghe/core';
import { projectNotes, projects, type Project, type ProjectNoteKind } from '@ronghe/schema';
import { today } from '../shared/dates.ts';
import { computeWarning } from './warnings.ts';

type MilestoneLike = { title: string; dueOn: string | null; progressPct: number };

/** The warning columns a write leaves behind: recomputed from the project as it will be, so the board is right before the next supervision run. */
export function warningColumns(ctx: Ctx, p: Pick<Project, 'status' | 'dueOn' | 'startOn' | 'startedOn' | 'createdAt' | 'progressBp' | 'warning' | 'warningOn' | 'escalatedOn'>, milestones: readonly MilestoneLike[]) {
  const t = today(ctx);
  const w = computeWarning({ status: p.status, dueOn: p.dueOn, startOn: p.startedOn ?? p.startOn ?? shanghaiDate(p.createdAt), progressBp: p.progressBp, milestones }, t);
  return {
    warning: w.level,
    warningReason: w.reason,
    warningOn: w.level === p.warning ? p.warningOn : t,
    // An escalation stands while the project stays red; once it recovers, a relapse is escalated again.
    escalatedOn: w.level === 'red' ? p.escalatedOn : null,
  };
}

/**
 * The guarded version bump that heads every batch changing a project (ADR
 * 0005): the UPDATE matches only the version the caller read, the audit
 * INSERT right after it aborts the batch when it did not.
 */
export function bumpProject(ctx: Ctx, p: Pick<Project, 'id' | 'version'>, set: Partial<Project>, audit: { action: string; before?: unknown; after?: unknown }): Statement[] {
  return [
    ctx.db
      .update(projects)
      .set({ ...set, version: p.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(projects.id, p.id), eq(projects.version, p.version))),
    auditGuarded(ctx, { action: audit.action, entityType: 'project', entityId: p.id, before: audit.before, after: audit.after }),
  ];
}

/** A row of the supervision thread (append-only). */
export function noteInsert(
  ctx: Ctx,
  n: { projectId: string; kind: ProjectNoteKind; body: string; onDate?: string; authorOrgId?: string | null; replyToId?: string | null; notified?: string[]; system?: boolean },
) {
  const at = ctx.clock.now();
  return ctx.db.insert(projectNotes).values({
    id: newId('pnt', at),
    projectId: n.projectId,
    kind: n.kind,
    body: n.body,
    authorId: n.system ? null : ctx.actor.userId,
    authorName: n.system ? '督办系统' : ctx.actor.displayName,
    authorOrgId: n.authorOrgId ?? null,
    replyToId: n.replyToId ?? null,
    notified: n.notified ?? [],
    onDate: n.onDate ?? today(ctx),
    createdAt: at,
  });
}
