import { alliancesServingCommunity } from '@ronghe/alliance/read';
import { AppError, auditGuarded, auditInsert, maskPhone, notFound, runGuarded, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { and, eq } from 'drizzle-orm';
import {
  needs,
  RESIDENT_NEED_PROGRESS_LABELS,
  type Need,
  type NeedCreateInput,
  type PublicNeedReceipt,
  type PublicNeedSubmitInput,
  type ResidentNeedProgress,
} from '@ronghe/schema';
import { placeLabel, placeNames } from '../places/names.ts';
import { assertListsOpen, LISTS_OPEN, requireAlliance, type AllianceRef } from '../shared/alliance.ts';
import { refuseFields } from '../shared/writes.ts';
import { fieldErrors, needRow } from './fields.ts';
import { findNeedRow } from './view.ts';

// 群众点单 through a residents' mini-program (ADR 0027). The key vouches for
// the app, not for an organization: no role check applies, the place decides
// the alliance, and the app follows and cancels only what it submitted itself.
// `also` lets the caller put statements of its own into the write's batch (the
// idempotency record of the request): they commit with the change or not at all.

/** Extra statements for the write's own batch, given what the caller will answer. */
export type AlsoInBatch = (receipt: PublicNeedReceipt) => Statement[];

/** Where a need stands for the resident who asked: matched, in a project, met (from its quantities). */
export function residentProgressOf(n: Pick<Need, 'status' | 'quantity' | 'committedQty' | 'inDeliveryQty' | 'fulfilledQty'>): ResidentNeedProgress {
  if (n.status === 'cancelled' || n.status === 'closed') return n.status;
  if (n.fulfilledQty >= n.quantity) return 'met';
  if (n.inDeliveryQty + n.fulfilledQty > 0) return 'in_project';
  if (n.committedQty > 0) return 'matched';
  return 'submitted';
}

function receiptOf(n: Need, allianceName: string, placeName: string | null): PublicNeedReceipt {
  const progress = residentProgressOf(n);
  return {
    ref: n.id,
    title: n.title,
    source: n.source,
    allianceId: n.allianceId,
    allianceName,
    placeName,
    quantity: n.quantity,
    unit: n.unit,
    deadline: n.deadline,
    progress,
    progressLabel: RESIDENT_NEED_PROGRESS_LABELS[progress],
    status: n.status,
    contactMasked: maskPhone(n.raiserPhone),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

/** The alliance a resident's need goes to: the one the app names (it must serve the place), or the one serving the community. */
async function allianceFor(ctx: Ctx, input: PublicNeedSubmitInput): Promise<AllianceRef> {
  if (input.allianceId) {
    const a = await requireAlliance(ctx, input.allianceId);
    assertListsOpen(a);
    return a;
  }
  const [serving] = await alliancesServingCommunity(ctx, input.communityCode, LISTS_OPEN);
  if (!serving) {
    throw new AppError('validation_failed', '该社区暂无提供服务的党建联合体，无法受理', {
      errors: [{ path: 'body.communityCode', message: '该社区（嘎查村）暂无运行中的党建联合体提供服务，请核对社区编码或联系所在街道' }],
    });
  }
  return serving;
}

/** 群众点单: stored with source 群众点单, the app's key, and the resident's contact as personal data. */
export async function submitResidentNeed({ ctx, input, apiKeyId, also }: { ctx: Ctx; input: PublicNeedSubmitInput; apiKeyId: string; also?: AlsoInBatch }): Promise<PublicNeedReceipt> {
  const a = await allianceFor(ctx, input);
  const { allianceId: _named, ...rest } = input;
  const full: NeedCreateInput = { ...rest, allianceId: a.id, source: '群众点单', raisedByOrgId: null };
  refuseFields(await fieldErrors(ctx, a, full, { checkDeadline: true }));
  const row = needRow(ctx, full, { apiKeyId });
  const names = await placeNames(ctx, [row.streetCode, row.communityCode]);
  const receipt = receiptOf(row, a.name, placeLabel(names, row.streetCode, row.communityCode));
  await writeBatch(ctx.db, [
    ctx.db.insert(needs).values(row),
    // The audit keeps the name for the county (as every need does); the phone only masked. Events carry neither (catalogue).
    auditInsert(ctx, { action: 'need.submit', entityType: 'need', entityId: row.id, after: { ...row, raiserPhone: maskPhone(row.raiserPhone) } }),
    ...(also?.(receipt) ?? []),
  ]);
  return receipt;
}

/** A need this app submitted; any other (another app's, a county's own, another county's) does not exist for it. */
async function ownNeed(ctx: Ctx, ref: string, apiKeyId: string) {
  const row = await findNeedRow(ctx, ref);
  if (row.n.apiKeyId !== apiKeyId) throw notFound('需求');
  return row;
}

export async function followResidentNeed({ ctx, input, apiKeyId }: { ctx: Ctx; input: { ref: string }; apiKeyId: string }): Promise<PublicNeedReceipt> {
  const row = await ownNeed(ctx, input.ref, apiKeyId);
  const names = await placeNames(ctx, [row.n.streetCode, row.n.communityCode]);
  return receiptOf(row.n, row.allianceName, placeLabel(names, row.n.streetCode, row.n.communityCode));
}

const NOT_CANCELLABLE: Partial<Record<ResidentNeedProgress, string>> = {
  cancelled: '需求已取消',
  closed: '需求已由联合体关闭，不能取消',
  met: '需求已满足，不能取消',
  in_project: '需求已进入项目实施，不能取消；如不再需要，请联系联合体',
  matched: '需求已匹配到项目，不能取消；如不再需要，请联系联合体',
};

/** The resident withdraws the need while it is not yet in a project (nothing matched, under way or met). */
export async function cancelResidentNeed({
  ctx,
  input,
  apiKeyId,
  also,
}: {
  ctx: Ctx;
  input: { ref: string; reason?: string | null };
  apiKeyId: string;
  also?: AlsoInBatch;
}): Promise<PublicNeedReceipt> {
  const row = await ownNeed(ctx, input.ref, apiKeyId);
  const n = row.n;
  const refused = NOT_CANCELLABLE[residentProgressOf(n)];
  if (refused) throw new AppError('conflict', refused);
  const reason = input.reason?.trim() || '居民取消';
  const now = ctx.clock.now();
  const after: Need = { ...n, status: 'cancelled', closedReason: reason, version: n.version + 1, updatedAt: now };
  const names = await placeNames(ctx, [n.streetCode, n.communityCode]);
  const receipt = receiptOf(after, row.allianceName, placeLabel(names, n.streetCode, n.communityCode));
  // Matched only while still unpromised at this version: a match accepted meanwhile makes the guard fail (412) and nothing is written.
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db
        .update(needs)
        .set({ status: 'cancelled', closedReason: reason, version: after.version, updatedAt: now })
        .where(and(eq(needs.id, n.id), eq(needs.version, n.version))),
      auditGuarded(ctx, { action: 'need.withdraw', entityType: 'need', entityId: n.id, before: { status: n.status }, after: { status: 'cancelled', reason } }),
      ...(also?.(receipt) ?? []),
    ]),
  );
  return receipt;
}
