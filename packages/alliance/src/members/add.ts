import { AppError, newId, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { allianceMembers, type AllianceDetail, type MemberAddInput } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { getAlliance } from '../alliances/get.ts';
import { loadAllianceParts } from '../alliances/parts.ts';
import { assertVersion, bumpAlliance, loadOrgs, requireActiveOrg } from '../common.ts';
import { assertFileEditable } from './guards.ts';
import { liaisonFromPerson } from './liaison.ts';

/** Proposes a member while the alliance is still a draft. */
export async function addMember({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; member: MemberAddInput } }): Promise<AllianceDetail> {
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
  const chosen = input.member.liaisonPersonId ? await liaisonFromPerson(ctx, input.member.liaisonPersonId, org) : null;
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
    liaisonPartyMember: input.member.liaisonPartyMember ?? false,
    liaisonPersonId: null as string | null,
    ...chosen,
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
