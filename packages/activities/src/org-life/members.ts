import { AppError, type Ctx } from '@ronghe/core';
import { activeMembersOf } from '@ronghe/people/read';
import { organizationsById } from '@ronghe/registry/read';

/** The branch's active members, for the attendee picker (names only: no personal data). */
export async function branchMembers({ ctx, input }: { ctx: Ctx; input: { orgId: string } }): Promise<{ items: Array<{ id: string; name: string }> }> {
  const org = (await organizationsById(ctx, [input.orgId])).get(input.orgId);
  if (!org) throw new AppError('not_found', '党组织不存在');
  const people = await activeMembersOf(ctx, org.id);
  return { items: people.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
}
