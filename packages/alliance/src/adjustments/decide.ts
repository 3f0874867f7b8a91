import { and, eq, sql } from 'drizzle-orm';
import { AppError, newId, runGuarded, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import { ADJUSTMENT_KIND_LABELS, allianceAdjustments, allianceMembers, type AllianceDetail, type AllianceType } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { adjustmentSummary, contributionsAfter, namesOf, ratioAfterProblem } from '../alliances/detail.ts';
import { factsOf, loadAllianceParts } from '../alliances/parts.ts';
import { getAlliance } from '../alliances/get.ts';
import { eventInsert } from '../alliances/events.ts';
import { assertVersion, bumpAlliance, decisionDate, problemsError } from '../common.ts';
import { filingInsert } from '../filings/insert.ts';
import { compositionProblems } from '../rules.ts';
import { assertAdjustable, validatePayload } from './propose.ts';

/**
 * The approving committee's decision on an adjustment (seed 000 8.3). An
 * approval applies the change, records it on the timeline and files it with
 * the county and the city; a rejection only closes the proposal.
 */
export async function decideAdjustment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    id: string;
    adjustmentId: string;
    expectedVersion: number;
    approve: boolean;
    note: string;
    onDate?: string;
    /** For a join or leave: the ratios after it, for the members named (the others keep theirs). */
    contributions?: Array<{ orgId: string; contributionBp: number }>;
  };
}): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  const adj = parts.adjustments.find((j) => j.id === input.adjustmentId);
  if (!adj) throw new AppError('not_found', '调整事项不存在或无权访问');
  assertMay(ctx, 'alliance.review', a);
  if (adj.status !== 'proposed') throw new AppError('conflict', '该调整事项已作出决定');
  assertAdjustable(a.status);
  assertVersion(adj.version, input.expectedVersion);
  const lastDate = parts.events.reduce<string | null>((m, e) => (m === null || e.onDate > m ? e.onDate : m), null);
  const onDate = decisionDate(ctx, input.onDate, lastDate);
  const now = ctx.clock.now();
  const decided = {
    status: input.approve ? ('approved' as const) : ('rejected' as const),
    decidedById: ctx.actor.userId,
    decidedByName: ctx.actor.displayName,
    decidedAt: now,
    decidedOn: onDate,
    decisionNote: input.note,
    version: adj.version + 1,
  };
  // Audited against the adjustment decided (its object), with the alliance it changes as context.
  const adjustmentEntity = { type: 'alliance_adjustment', id: adj.id };
  const closeAdjustment = ctx.db
    .update(allianceAdjustments)
    .set(decided)
    .where(and(eq(allianceAdjustments.id, adj.id), eq(allianceAdjustments.version, adj.version)));

  if (!input.approve) {
    // The alliance's version moves too, so a concurrent decision on the same alliance is caught by the guard.
    // A refusal changes nothing but is still a decision of the committee: the timeline shows it, no filing is due.
    await runGuarded(() =>
      writeBatch(ctx.db, [
        ...bumpAlliance(ctx, a, {}, { action: 'alliance.adjustment_reject', entity: adjustmentEntity, before: { allianceId: a.id, status: adj.status }, after: { allianceId: a.id, status: 'rejected', note: input.note } }),
        closeAdjustment,
        eventInsert(ctx, { allianceId: a.id, action: 'adjust_reject', fromStatus: a.status, toStatus: a.status, onDate, reason: `${adjustmentSummary(adj.payload, namesOf(parts))}。意见：${input.note}`, adjustmentId: adj.id }),
      ]),
    );
    return getAlliance({ ctx, input: { id: a.id } });
  }

  const p = adj.payload;
  await validatePayload(ctx, parts, p);
  const names = namesOf(parts);
  // 出资比例: a join or leave that leaves them off 100 % (or all blank) must be resolved by this decision (issue 10).
  const resolved = new Map((input.contributions ?? []).map((c) => [c.orgId, c.contributionBp]));
  const ratios = contributionsAfter(parts, p, names, resolved);
  if (input.contributions?.length) {
    if (!ratios) {
      throw new AppError('validation_failed', '只有成员加入或退出时才在决定中重新分配出资比例', { errors: [{ path: 'body.contributions', message: '此类调整不涉及出资比例' }] });
    }
    const after = new Set(ratios.map((r) => r.orgId));
    const errors: FieldError[] = [];
    input.contributions.forEach((c, i) => {
      if (!after.has(c.orgId)) errors.push({ path: `body.contributions.${i}.orgId`, message: '应是调整后的成员单位' });
    });
    if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  }
  const ratioProblem = ratioAfterProblem(ratios);
  if (ratioProblem.length) throw problemsError('调整后出资比例合计不是 100%，请在决定中给出调整后的出资比例', ratioProblem);
  const changes: Statement[] = [];
  // Staying members whose ratio the decision changes (the joiner is inserted with its own).
  for (const r of parts.members) {
    const bp = resolved.get(r.m.orgId);
    if (r.m.leftOn !== null || bp === undefined || bp === r.m.contributionBp) continue;
    if (p.kind === 'member_leave' && r.m.id === p.memberId) continue;
    changes.push(
      ctx.db
        .update(allianceMembers)
        .set({ contributionBp: bp, version: sql`${allianceMembers.version} + 1`, updatedAt: now })
        .where(and(eq(allianceMembers.id, r.m.id), sql`${allianceMembers.leftOn} IS NULL`)),
    );
  }
  const set: Record<string, unknown> = {};
  const memberRow = (orgId: string, role: 'lead' | 'member', from?: (typeof parts.members)[number]['m']) => ({
    id: newId('alm', now),
    allianceId: a.id,
    orgId,
    role,
    consortiumRole: from?.consortiumRole ?? null,
    contributionBp: from?.contributionBp ?? 0,
    liaisonName: from?.liaisonName ?? null,
    liaisonPhone: from?.liaisonPhone ?? null,
    liaisonPartyMember: from?.liaisonPartyMember ?? false,
    joinedOn: onDate,
    leftOn: null,
    leaveReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  const close = (memberId: string, reason: string) =>
    ctx.db
      .update(allianceMembers)
      .set({ leftOn: onDate, leaveReason: reason, version: sql`${allianceMembers.version} + 1`, updatedAt: now })
      .where(and(eq(allianceMembers.id, memberId), sql`${allianceMembers.leftOn} IS NULL`));

  switch (p.kind) {
    case 'member_join':
      changes.push(
        ctx.db.insert(allianceMembers).values({ ...memberRow(p.orgId, 'member'), contributionBp: resolved.get(p.orgId) ?? p.contributionBp ?? 0, consortiumRole: (p.consortiumRole as never) ?? null }),
      );
      break;
    case 'member_leave':
      changes.push(close(p.memberId, adj.reason));
      break;
    case 'type_change': {
      const facts = { ...factsOf(parts), type: p.type as AllianceType };
      const problems = compositionProblems(facts);
      if (problems.length) throw problemsError(`改为“${p.type}”须先满足其组成要求`, problems);
      set.type = p.type;
      set.typeNote = p.typeNote ?? null;
      break;
    }
    case 'lead_change': {
      // Periods are closed and reopened with the new roles, so the history shows who led when.
      const oldLead = parts.members.find((r) => r.m.leftOn === null && r.m.role === 'lead')!;
      const newLead = parts.members.find((r) => r.m.leftOn === null && r.m.orgId === p.orgId)!;
      changes.push(
        close(oldLead.m.id, '牵头党组织变更'),
        close(newLead.m.id, '改任牵头党组织'),
        ctx.db.insert(allianceMembers).values(memberRow(oldLead.m.orgId, 'member', oldLead.m)),
        ctx.db.insert(allianceMembers).values({ ...memberRow(newLead.m.orgId, 'lead', newLead.m), id: newId('alm', now + 1) }),
      );
      set.leadOrgId = p.orgId;
      break;
    }
  }
  const summary = adjustmentSummary(p, names);
  const contributions = ratios && input.contributions?.length ? ratios.map((r) => ({ orgId: r.orgId, contributionBp: r.contributionBp })) : undefined;
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ...bumpAlliance(ctx, a, set, {
        action: 'alliance.adjustment_approve',
        entity: adjustmentEntity,
        before: { allianceId: a.id, status: adj.status },
        after: { allianceId: a.id, status: 'approved', ...p, note: input.note, ...(contributions ? { contributions } : {}) },
      }),
      closeAdjustment,
      ...changes,
      eventInsert(ctx, { allianceId: a.id, action: 'adjust', fromStatus: a.status, toStatus: a.status, onDate, reason: `${summary}。${adj.reason}`, adjustmentId: adj.id }),
      ...filingInsert(ctx, a, {
        kind: 'adjustment',
        title: `${a.committeeOrgName}同意“${a.name}”${ADJUSTMENT_KIND_LABELS[p.kind]}`,
        summary: `${summary}。理由：${adj.reason}。意见：${input.note}`,
        filedOn: onDate,
      }),
    ]),
  );
  return getAlliance({ ctx, input: { id: a.id } });
}
