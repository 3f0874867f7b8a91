import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, inList, shanghaiDate, type Ctx, type FieldError } from '@ronghe/core';
import { organizationsById } from '@ronghe/registry/read';
import { alliances, type Organization } from '@ronghe/schema';
import type { AllianceWithScope } from './access.ts';

export function today(ctx: Ctx): string {
  return shanghaiDate(ctx.clock.now());
}

/** A decision or meeting date: defaults to today, never in the future, never before what it follows. */
export function decisionDate(ctx: Ctx, onDate: string | undefined, notBefore: string | null, path = 'body.onDate'): string {
  const t = today(ctx);
  const d = onDate ?? t;
  if (d > t) throw new AppError('validation_failed', '日期不能晚于今天', { errors: [{ path, message: `日期不能晚于今天（${t}）` }] });
  if (notBefore && d < notBefore) {
    throw new AppError('validation_failed', '日期早于上一环节', { errors: [{ path, message: `日期不能早于上一环节的日期（${notBefore}）` }] });
  }
  return d;
}

export function assertVersion(current: number, expected: number): void {
  if (current !== expected) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
}

/**
 * The guarded version bump that heads every batch changing an alliance: the
 * UPDATE matches only the version the caller read, and the audit INSERT right
 * after it aborts the batch when it did not (see `auditGuarded`).
 */
export function bumpAlliance(
  ctx: Ctx,
  a: AllianceWithScope,
  set: Partial<typeof alliances.$inferInsert>,
  audit: { action: string; before?: unknown; after?: unknown; entity?: { type: string; id: string } },
) {
  return [
    ctx.db
      .update(alliances)
      .set({ ...set, version: a.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(alliances.id, a.id), eq(alliances.version, a.version))),
    // A change decided about another object (an adjustment) is audited against that object; the bump still guards the alliance.
    auditGuarded(ctx, { action: audit.action, entityType: audit.entity?.type ?? 'alliance', entityId: audit.entity?.id ?? a.id, before: audit.before, after: audit.after }),
  ];
}

export async function loadOrgs(ctx: Ctx, ids: string[]): Promise<Map<string, Organization>> {
  return organizationsById(ctx, ids);
}

/** An organization the request names must exist in this tenant and be in use. */
export function requireActiveOrg(orgs: Map<string, Organization>, id: string, path: string, label: string): Organization {
  const org = orgs.get(id);
  if (!org) throw new AppError('validation_failed', `${label}不存在`, { errors: [{ path, message: `${label}不存在` }] });
  if (org.status !== 'active') throw new AppError('validation_failed', `${label}已停用`, { errors: [{ path, message: `${label}“${org.name}”已停用` }] });
  return org;
}

const COMMITTEE_KINDS = new Set(['党委', '党工委', '党组', '联合党委']);

export function committeeErrors(committee: Organization, leadOrgId: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!COMMITTEE_KINDS.has(committee.kind)) {
    errors.push({ path: 'body.committeeOrgId', message: `审批单位应为党委、党工委或党组，“${committee.name}”是${committee.kind}` });
  }
  if (committee.id === leadOrgId) errors.push({ path: 'body.committeeOrgId', message: '审批的上级党(工)委不能是牵头党组织自身' });
  return errors;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function problemsError(detail: string, problems: Array<{ code: string; message: string }>): AppError {
  return new AppError('conflict', detail, { errors: problems.map((p) => ({ path: `rules.${p.code}`, message: p.message })) });
}
