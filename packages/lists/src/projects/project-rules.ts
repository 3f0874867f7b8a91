import { AppError, type Ctx, type FieldError } from '@ronghe/core';
import type { ProjectAction, ProjectClaim, ProjectStatus } from '@ronghe/schema';
import { mayOn, type AllianceRef } from '../shared/alliance.ts';
import { today } from '../shared/dates.ts';
import { FINAL_PROJECT, PROJECT_TRANSITIONS } from './state-machine.ts';

// Who may do what on a project: the matrix decides the role and scope; these
// rules add what the matrix cannot see (a confirmed claim, the project's state).

type ClaimLike = Pick<ProjectClaim, 'orgId' | 'status'>;

/** The alliance (and the county) coordinate: plans, claim decisions, acceptance, cancellation. */
export function mayManage(ctx: Ctx, a: AllianceRef): boolean {
  return mayOn(ctx, 'project.manage', a);
}

/** Confirmed claimants the actor may act for (their liaison or secretary). */
export function deliverOrgIds(ctx: Ctx, a: AllianceRef, claims: readonly ClaimLike[]): string[] {
  return claims.filter((c) => c.status === 'confirmed' && mayOn(ctx, 'project.deliver', a, c.orgId)).map((c) => c.orgId);
}

/** Carrying out (start, progress, report completion, replies): the alliance, or a confirmed claimant. */
export function mayDeliver(ctx: Ctx, a: AllianceRef, claims: readonly ClaimLike[]): boolean {
  return mayOn(ctx, 'project.deliver', a) || deliverOrgIds(ctx, a, claims).length > 0;
}

export function maySupervise(ctx: Ctx, a: AllianceRef): boolean {
  return mayOn(ctx, 'project.supervise', a);
}

export function mayTransition(ctx: Ctx, action: ProjectAction, a: AllianceRef, claims: readonly ClaimLike[]): boolean {
  return PROJECT_TRANSITIONS[action].permission === 'project.manage' ? mayManage(ctx, a) : mayDeliver(ctx, a, claims);
}

export function assertMayManage(ctx: Ctx, a: AllianceRef): void {
  if (!mayManage(ctx, a)) throw new AppError('forbidden', '只有联合体牵头党组织书记（联合体管理员）或旗县区委组织部管理员可以办理');
}

export function assertMayDeliver(ctx: Ctx, a: AllianceRef, claims: readonly ClaimLike[]): void {
  if (!mayDeliver(ctx, a, claims)) throw new AppError('forbidden', '只有已确认的认领单位（联络员或书记）或联合体管理员可以办理');
}

export function assertMayTransition(ctx: Ctx, action: ProjectAction, a: AllianceRef, claims: readonly ClaimLike[]): void {
  if (PROJECT_TRANSITIONS[action].permission === 'project.manage') assertMayManage(ctx, a);
  else assertMayDeliver(ctx, a, claims);
}

export function assertProjectVersion(current: number, expected: number): void {
  if (current !== expected) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
}

export const isFinalProject = (s: ProjectStatus) => FINAL_PROJECT.includes(s);

/** A business date: defaults to today, never in the future, never before what it follows. */
export function projectDate(ctx: Ctx, onDate: string | undefined, notBefore: string | null, path = 'body.onDate'): string {
  const t = today(ctx);
  const d = onDate ?? t;
  if (d > t) throw new AppError('validation_failed', '日期不能晚于今天', { errors: [{ path, message: `日期不能晚于今天（${t}）` }] });
  if (notBefore && d < notBefore) {
    throw new AppError('validation_failed', '日期早于上一环节', { errors: [{ path, message: `日期不能早于上一环节的日期（${notBefore}）` }] });
  }
  return d;
}

/** Preconditions refused together (409), each item in `errors[]` as `rules.<code>`. */
export function projectProblemsError(detail: string, problems: Array<{ code: string; message: string }>): AppError {
  return new AppError('conflict', detail, { errors: problems.map((p) => ({ path: `rules.${p.code}`, message: p.message })) });
}

export function projectFieldsError(errors: FieldError[]): AppError {
  return new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
}

/** What must hold before a project may be reported complete. */
export function completeProblems(p: { progressBp: number }, milestones: ReadonlyArray<{ title: string; progressPct: number }>): Array<{ code: string; message: string }> {
  const problems: Array<{ code: string; message: string }> = [];
  if (milestones.length && p.progressBp < 10_000) {
    const open = milestones.filter((m) => m.progressPct < 100).map((m) => `“${m.title}”（${m.progressPct}%）`);
    problems.push({ code: 'progress', message: `项目进度为 ${Math.floor(p.progressBp / 100)}%，须全部节点完成（100%）后才能报告完成；未完成的节点：${open.join('、')}` });
  }
  return problems;
}
