import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, pinyinSortKey, shanghaiDate, type Ctx, type FieldError } from '@ronghe/core';
import { organizationsById } from '@ronghe/registry/read';
import { alliances, isAncestorOf, isApprovingCommittee, type Organization } from '@ronghe/schema';
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
  // A new name brings its pinyin sort key (ADR 0018), whichever verb renames.
  const sortKey = set.name !== undefined ? { sortKey: pinyinSortKey(set.name) } : {};
  return [
    ctx.db
      .update(alliances)
      .set({ ...set, ...sortKey, version: a.version + 1, updatedAt: ctx.clock.now() })
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

/**
 * 上级党(工)委 (seed 000 7.1; 8.3 调整、撤销由批准其设立的党(工)委研究决定): a
 * committee (党委/党工委/联合党委 of a street, township, organs, park, sector or the
 * county itself) above the lead in its 隶属 tree, never an external organization.
 * Only such a committee can hold reviewer accounts, so an alliance named under any
 * other organization could never be decided.
 */
export function committeeErrors(committee: Organization, lead: Organization): FieldError[] {
  const path = 'body.committeeOrgId';
  if (committee.isExternal) return [{ path, message: `“${committee.name}”是外部组织，只能作为成员单位，不能审批联合体` }];
  if (committee.id === lead.id) return [{ path, message: '审批的上级党(工)委不能是牵头党组织自身' }];
  if (!isApprovingCommittee(committee)) {
    return [{ path, message: `审批单位应为街道党工委、苏木乡镇党委、机关工委、园区党工委、行业党委或旗县区委，“${committee.name}”是${committee.domain}${committee.kind}` }];
  }
  if (!isAncestorOf(committee, lead)) return [{ path, message: `“${committee.name}”不是牵头党组织“${lead.name}”的上级党(工)委（应为其隶属关系上的上级）` }];
  return [];
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function problemsError(detail: string, problems: Array<{ code: string; message: string }>): AppError {
  return new AppError('conflict', detail, { errors: problems.map((p) => ({ path: `rules.${p.code}`, message: p.message })) });
}
