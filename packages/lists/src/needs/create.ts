import { auditInsert, maskPhone, writeBatch, type Ctx } from '@ronghe/core';
import { needs, type NeedCreateInput, type NeedView } from '@ronghe/schema';
import { assertListsOpen, requireAlliance } from '../shared/alliance.ts';
import { refuseFields } from '../shared/writes.ts';
import { getNeed } from './get.ts';
import { fieldErrors, assertMayRaise, needRow } from './fields.ts';

export async function createNeed({ ctx, input, apiKeyId }: { ctx: Ctx; input: NeedCreateInput; apiKeyId?: string | null }): Promise<NeedView> {
  const a = await requireAlliance(ctx, input.allianceId);
  assertMayRaise(ctx, a, input.raisedByOrgId);
  assertListsOpen(a);
  refuseFields(await fieldErrors(ctx, a, input, { checkDeadline: true }));
  const row = needRow(ctx, input, { apiKeyId });
  await writeBatch(ctx.db, [
    ctx.db.insert(needs).values(row),
    auditInsert(ctx, { action: 'need.create', entityType: 'need', entityId: row.id, after: { ...row, raiserPhone: maskPhone(row.raiserPhone) } }),
  ]);
  return getNeed({ ctx, input: { id: row.id } });
}
