import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { allianceMembers, type AllianceDetail, type MemberUpdateInput } from '@ronghe/schema';
import { allianceTarget, assertMay } from '../access.ts';
import { getAlliance } from '../alliances/get.ts';
import { loadAllianceParts } from '../alliances/parts.ts';
import { FOUNDED } from '../alliances/list.ts';
import { assertVersion, loadOrgs } from '../common.ts';
import { isPartyMemberWithin } from '@ronghe/people/read';
import { liaisonFromPerson } from './liaison.ts';

const LIAISON_FIELDS = new Set(['liaisonName', 'liaisonPhone', 'liaisonPartyMember', 'liaisonPersonId']);

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
  let patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as MemberUpdateInput;
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
  if (patch.liaisonPersonId) {
    // Issue 11: a liaison chosen from the registry brings its own name, phone and party membership.
    const org = (await loadOrgs(ctx, [row.m.orgId])).get(row.m.orgId);
    const chosen = await liaisonFromPerson(ctx, patch.liaisonPersonId, { id: row.m.orgId, name: row.orgName, path: org?.path ?? `/${row.m.orgId}/` });
    patch = { ...patch, ...chosen };
  } else if (patch.liaisonPersonId === undefined && ('liaisonName' in patch || 'liaisonPhone' in patch) && row.m.liaisonPersonId) {
    // A liaison typed by hand is no longer the registry's person.
    patch = { ...patch, liaisonPersonId: null };
  }
  // Seed 000 11.1.2: once founded, a current member keeps exactly one liaison, a party member. A change to the
  // liaison must leave one (it cannot be cleared, nor handed to someone who is not a party member).
  if (FOUNDED.includes(a.status) && Object.keys(patch).some((k) => LIAISON_FIELDS.has(k))) {
    const name = 'liaisonName' in patch ? patch.liaisonName : row.m.liaisonName;
    const party = 'liaisonPartyMember' in patch ? patch.liaisonPartyMember : row.m.liaisonPartyMember;
    if (!name) {
      throw new AppError('validation_failed', '已成立的联合体中，成员单位须保留 1 名联络员', { errors: [{ path: 'body.liaisonName', message: '联络员不能清空，请改填新的联络员' }] });
    }
    if (!party) {
      throw new AppError('validation_failed', '联络员应由党员担任', { errors: [{ path: 'body.liaisonPartyMember', message: '联络员须是党员（seed 000 11.1.2），请确认或改填党员' }] });
    }
  }
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row.m[k as keyof typeof row.m]]));
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(allianceMembers)
        .set({ ...patch, version: row.m.version + 1, updatedAt: ctx.clock.now() })
        .where(
          and(
            eq(allianceMembers.id, row.m.id),
            eq(allianceMembers.version, row.m.version),
            // The person chosen is still a party member of this organization as the row is written (not only when read above).
            patch.liaisonPersonId ? isPartyMemberWithin(patch.liaisonPersonId, row.m.orgId) : undefined,
          ),
        ),
      auditGuarded(ctx, { action: 'alliance.member_update', entityType: 'alliance_member', entityId: row.m.id, before: { ...before, allianceId: a.id, orgName: row.orgName }, after: patch }),
    ]),
  );
  return getAlliance({ ctx, input: { id: a.id } });
}
