import { and, eq } from 'drizzle-orm';
import { AppError, runGuarded, writeBatch, type Ctx } from '@ronghe/core';
import { allianceMembers, type AllianceDetail } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { getAlliance } from '../alliances/get.ts';
import { loadAllianceParts } from '../alliances/parts.ts';
import { assertVersion, bumpAlliance } from '../common.ts';
import { assertFileEditable } from './guards.ts';

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
