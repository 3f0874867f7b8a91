import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, newId, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { allianceMembers, type AllianceDetail, type MemberInput, type MemberUpdateInput } from '@ronghe/schema';
import { allianceTarget, assertMay } from './access.ts';
import { getAlliance, loadAllianceParts } from './alliance-read.ts';
import { assertVersion, bumpAlliance, loadOrgs, requireActiveOrg } from './common.ts';
import { EDITABLE_FILE } from './state-machine.ts';

function assertFileEditable(status: string) {
  if (!EDITABLE_FILE.includes(status as never)) {
    throw new AppError('conflict', '联合体申请提交后，成员增减须通过“调整”由上级党(工)委决定');
  }
}

/** Proposes a member while the alliance is still a draft. */
export async function addMember({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; member: MemberInput } }): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  assertMay(ctx, 'alliance.manage', a);
  assertFileEditable(a.status);
  assertVersion(a.version, input.expectedVersion);
  const orgs = await loadOrgs(ctx, [input.member.orgId]);
  const org = requireActiveOrg(orgs, input.member.orgId, 'body.orgId', '成员党组织');
  if (parts.members.some((r) => r.m.orgId === org.id && r.m.leftOn === null)) {
    throw new AppError('conflict', `“${org.name}”已是该联合体成员`, { errors: [{ path: 'body.orgId', message: '已是成员' }] });
  }
  const now = ctx.clock.now();
  const row = {
    id: newId('alm', now),
    allianceId: a.id,
    orgId: org.id,
    role: 'member' as const,
    consortiumRole: input.member.consortiumRole ?? null,
    contributionBp: input.member.contributionBp ?? 0,
    liaisonName: input.member.liaisonName ?? null,
    liaisonPhone: input.member.liaisonPhone ?? null,
    joinedOn: null,
    leftOn: null,
    leaveReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await runGuarded(() =>
    writeBatch(ctx.db, [...bumpAlliance(ctx, a, {}, { action: 'alliance.member_add', after: { memberId: row.id, orgId: org.id, orgName: org.name } }), ctx.db.insert(allianceMembers).values(row)]),
  );
  return getAlliance({ ctx, input: { id: a.id } });
}

/** Withdraws a proposed member from a draft (it never joined, so there is no history to keep). */
export async function removeMember({ ctx, input }: { ctx: Ctx; input: { id: string; memberId: string; expectedVersion: number } }): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  assertMay(ctx, 'alliance.manage', a);
  const row = parts.members.find((r) => r.m.id === input.memberId);
  if (!row) throw new AppError('not_found', '该成员不存在或无权访问');
  assertFileEditable(a.status);
  assertVersion(a.version, input.expectedVersion);
  if (row.m.role === 'lead') throw new AppError('conflict', '牵头党组织不能移出；如需更换，请修改牵头党组织');
  if (row.m.joinedOn !== null) throw new AppError('conflict', '已加入的成员不能删除，只能通过调整退出');
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ...bumpAlliance(ctx, a, {}, { action: 'alliance.member_remove', before: { memberId: row.m.id, orgId: row.m.orgId, orgName: row.orgName } }),
      ctx.db.delete(allianceMembers).where(and(eq(allianceMembers.id, row.m.id), eq(allianceMembers.allianceId, a.id))),
    ]),
  );
  return getAlliance({ ctx, input: { id: a.id } });
}

const LIAISON_FIELDS = new Set(['liaisonName', 'liaisonPhone']);

/** Contribution ratio, consortium role and liaison of a current member. A member's own liaison may set only the liaison. */
export async function updateMember({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; memberId: string; expectedVersion: number; patch: MemberUpdateInput };
}): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  const row = parts.members.find((r) => r.m.id === input.memberId);
  if (!row) throw new AppError('not_found', '该成员不存在或无权访问');
  assertMay(ctx, 'alliance.member_update', a, row.m.orgId);
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as MemberUpdateInput;
  const withoutLiaison = { ...ctx.actor, grants: ctx.actor.grants.filter((g) => g.role !== 'org_liaison') };
  if (!allows(withoutLiaison, 'alliance.member_update', allianceTarget(a, row.m.orgId))) {
    const refused = Object.keys(patch).filter((k) => !LIAISON_FIELDS.has(k));
    if (refused.length) {
      throw new AppError('forbidden', '成员单位联络员只能填写本单位的联络员信息', {
        errors: refused.map((k) => ({ path: `body.${k}`, message: '联络员无权修改此字段' })),
      });
    }
  }
  if (a.status === 'dissolved') throw new AppError('conflict', '已撤销的联合体不能修改');
  if (row.m.leftOn !== null) throw new AppError('conflict', '已退出的成员记录是历史，不能修改');
  assertVersion(row.m.version, input.expectedVersion);
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row.m[k as keyof typeof row.m]]));
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(allianceMembers)
        .set({ ...patch, version: row.m.version + 1, updatedAt: ctx.clock.now() })
        .where(and(eq(allianceMembers.id, row.m.id), eq(allianceMembers.version, row.m.version))),
      auditGuarded(ctx, { action: 'alliance.member_update', entityType: 'alliance_member', entityId: row.m.id, before: { ...before, allianceId: a.id, orgName: row.orgName }, after: patch }),
    ]),
  );
  return getAlliance({ ctx, input: { id: a.id } });
}
