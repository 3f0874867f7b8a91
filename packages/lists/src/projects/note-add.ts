import { and, eq } from 'drizzle-orm';
import { AppError, auditInsert, writeBatch, type Ctx } from '@ronghe/core';
import { projectNotes, type ProjectDetailView } from '@ronghe/schema';
import type { AllianceRef } from '../shared/alliance.ts';
import { getProject } from './get.ts';
import { loadProjectParts } from './parts.ts';
import { deliverOrgIds, projectFieldsError, isFinalProject, mayManage, maySupervise } from './project-rules.ts';
import { noteInsert } from './write-common.ts';

/** The organization a person speaks for in the thread: the committee, the lead, or a claimant. */
function speakingFor(ctx: Ctx, a: AllianceRef, kind: 'supervise' | 'reply', claimantOrgs: string[]): string | null {
  // Only the approving committee's own reviewer speaks for it (alliance_committee scope, seed 000 8.3).
  const viaCommittee = ctx.actor.grants.some((g) => g.role === 'committee_reviewer' && g.scopeOrgId === a.committeeOrgId);
  const viaLead = ctx.actor.grants.some((g) => g.role === 'alliance_admin' && (g.scopeOrgId === a.leadOrgId || g.scopeAllianceId === a.id));
  if (kind === 'supervise') return viaCommittee ? a.committeeOrgId : viaLead ? a.leadOrgId : null;
  return claimantOrgs[0] ?? (viaLead ? a.leadOrgId : null);
}

/**
 * 督办意见 by the county, the approving committee or the alliance; 办理回复 by a
 * confirmed claimant or the alliance. The thread is append-only.
 */
export async function addProjectNote({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; kind: 'supervise' | 'reply'; body: string; replyToId?: string | null };
}): Promise<ProjectDetailView> {
  const parts = await loadProjectParts(ctx, input.id);
  const p = parts.project;
  const a = parts.alliance;
  const claimantOrgs = deliverOrgIds(ctx, a, parts.claims.map((c) => c.c));
  if (input.kind === 'supervise' && !maySupervise(ctx, a)) throw new AppError('forbidden', '只有旗县区委组织部、批准联合体的上级党(工)委或联合体牵头党组织可以督办');
  if (input.kind === 'reply' && !mayManage(ctx, a) && !claimantOrgs.length) throw new AppError('forbidden', '只有已确认的认领单位或联合体管理员可以回复督办');
  if (isFinalProject(p.status)) throw new AppError('conflict', `项目已${p.status === 'accepted' ? '验收' : '取消'}，督办记录已归档`);
  if (input.replyToId) {
    const target = await ctx.db.query.projectNotes.findFirst({ where: and(eq(projectNotes.id, input.replyToId), eq(projectNotes.projectId, p.id)), columns: { id: true } });
    if (!target) throw projectFieldsError([{ path: 'body.replyToId', message: '所回复的督办记录不存在' }]);
  }
  const note = noteInsert(ctx, { projectId: p.id, kind: input.kind, body: input.body, replyToId: input.replyToId ?? null, authorOrgId: speakingFor(ctx, a, input.kind, claimantOrgs) });
  await writeBatch(ctx.db, [note, auditInsert(ctx, { action: `project.${input.kind}`, entityType: 'project', entityId: p.id, after: { kind: input.kind, body: input.body, replyToId: input.replyToId ?? null } })]);
  return getProject({ ctx, input: { id: p.id } });
}
