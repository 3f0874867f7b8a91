import { auditInsert, maskPhone, writeBatch, type Ctx } from '@ronghe/core';
import { needs, type NeedCreateInput, type NeedView, type PublicNeedSubmitInput } from '@ronghe/schema';
import { assertListsOpen, requireAlliance } from '../shared/alliance.ts';
import { refuseFields } from '../shared/writes.ts';
import { getNeed } from './get.ts';
import { fieldErrors, needRow } from './fields.ts';

/**
 * 群众点单 through a third-party app holding the county's API key: the key
 * vouches for the app, not for an organization, so no role check applies;
 * everything else (alliance formed, category, place, deadline) does.
 */
export async function submitNeedFromApp({ ctx, input, apiKeyId }: { ctx: Ctx; input: PublicNeedSubmitInput; apiKeyId: string }): Promise<NeedView> {
  const a = await requireAlliance(ctx, input.allianceId);
  assertListsOpen(a);
  const full: NeedCreateInput = { ...input, source: '第三方应用', raisedByOrgId: null };
  refuseFields(await fieldErrors(ctx, a, full, { checkDeadline: true }));
  const row = needRow(ctx, full, { apiKeyId });
  await writeBatch(ctx.db, [
    ctx.db.insert(needs).values(row),
    auditInsert(ctx, { action: 'need.submit', entityType: 'need', entityId: row.id, after: { ...row, raiserPhone: maskPhone(row.raiserPhone) } }),
  ]);
  return getNeed({ ctx, input: { id: row.id } });
}
