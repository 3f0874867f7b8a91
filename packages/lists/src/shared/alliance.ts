import { and, eq, isNull, sql, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError, inList, type Ctx } from '@ronghe/core';
import { allows, type Action } from '@ronghe/identity';
import { allianceMembers, alliances, organizations, type AllianceStatus } from '@ronghe/schema';

/** What the lists need to know about an alliance: its name, state and the organizations scopes look at. */
export interface AllianceRef {
  id: string;
  name: string;
  status: AllianceStatus;
  leadOrgId: string;
  committeeOrgId: string;
  committeePath: string;
}

/**
 * What a list row's select carries about its alliance (joined on the alliance and
 * its approving committee), so scope checks need no second read.
 */
export function allianceScopeColumns(committee: { path: AnyColumn }) {
  return {
    allianceName: sql<string>`${alliances.name}`.as('alliance_name'),
    allianceStatus: sql<string>`${alliances.status}`.as('alliance_status'),
    leadOrgId: sql<string>`${alliances.leadOrgId}`.as('lead_org_id'),
    committeeOrgId: sql<string>`${alliances.committeeOrgId}`.as('committee_org_id'),
    committeePath: sql<string>`${committee.path}`.as('committee_path'),
  };
}

export function allianceRefOf(
  allianceId: string,
  r: { allianceName: string; allianceStatus: string; leadOrgId: string; committeeOrgId: string; committeePath: string },
): AllianceRef {
  return { id: allianceId, name: r.allianceName, status: r.allianceStatus as AllianceStatus, leadOrgId: r.leadOrgId, committeeOrgId: r.committeeOrgId, committeePath: r.committeePath };
}

/** Alliances whose lists are open for new needs, resources and projects. */
export const LISTS_OPEN: readonly AllianceStatus[] = ['established', 'active', 'rectifying'];

const committee = alias(organizations, 'committee');

export async function loadAllianceRefs(ctx: Ctx, ids: readonly string[]): Promise<Map<string, AllianceRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .select({
      id: alliances.id,
      name: alliances.name,
      status: alliances.status,
      leadOrgId: alliances.leadOrgId,
      committeeOrgId: alliances.committeeOrgId,
      committeePath: sql<string>`${committee.path}`.as('committee_path'),
    })
    .from(alliances)
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId))
    .where(inList(alliances.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The alliance a request names in its body: a missing one is a field error, not a 404 of the route. */
export async function requireAlliance(ctx: Ctx, id: string, path = 'body.allianceId'): Promise<AllianceRef> {
  const a = (await loadAllianceRefs(ctx, [id])).get(id);
  if (!a) throw new AppError('validation_failed', '党建联合体不存在', { errors: [{ path, message: '党建联合体不存在' }] });
  return a;
}

export function assertListsOpen(a: AllianceRef, path = 'body.allianceId'): void {
  if (!LISTS_OPEN.includes(a.status)) {
    throw new AppError('conflict', `联合体“${a.name}”尚未组建或已撤销，不能登记清单`, {
      errors: [{ path, message: '只有已组建、运行中或整顿中的联合体可以登记需求、资源和项目' }],
    });
  }
}

export function scopeTarget(a: AllianceRef, memberOrgId?: string | null) {
  return { allianceId: a.id, leadOrgId: a.leadOrgId, committeePath: a.committeePath, memberOrgId: memberOrgId ?? undefined };
}

export function mayOn(ctx: Ctx, action: Action, a: AllianceRef, memberOrgId?: string | null): boolean {
  return allows(ctx.actor, action, scopeTarget(a, memberOrgId));
}

/** Current member organizations of an alliance (open membership periods). */
export async function currentMemberIds(ctx: Ctx, allianceId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ orgId: allianceMembers.orgId })
    .from(allianceMembers)
    .where(and(eq(allianceMembers.allianceId, allianceId), isNull(allianceMembers.leftOn)));
  return new Set(rows.map((r) => r.orgId));
}

/** Organizations a scoped user may act for in an alliance: their grants' organizations that are current members. */
export function grantOrgIds(ctx: Ctx): string[] {
  return [...new Set(ctx.actor.grants.map((g) => g.scopeOrgId).filter((x): x is string => !!x))];
}
