import { and, eq, sql } from 'drizzle-orm';
import { AppError, newId, runGuarded, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { allianceDocuments, allianceMembers, type Alliance, type AllianceAction, type AllianceDetail, type TransitionInput } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { factsOf, loadAllianceParts } from './parts.ts';
import { getAlliance } from './get.ts';
import { assertVersion, bumpAlliance, decisionDate, problemsError, sha256Hex } from '../common.ts';
import { filingInsert } from '../filings/insert.ts';
import { applyProblems, establishProblems, startProblems } from '../rules.ts';
import { illegalTransitionMessage, isLegal, TRANSITIONS } from '../state-machine.ts';
import { eventInsert } from './events.ts';

/** Runs one workflow action: authorized, legal from the current state, its preconditions met, audited, evented and filed in one batch. */
export async function transitionAlliance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; action: AllianceAction; expectedVersion: number; body: TransitionInput };
}): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  const a = parts.alliance;
  const t = TRANSITIONS[input.action];
  assertMay(ctx, t.permission, a);
  if (!isLegal(input.action, a.status)) throw new AppError('conflict', illegalTransitionMessage(input.action, a.status), { extra: { state: a.status, action: input.action } });
  assertVersion(a.version, input.expectedVersion);

  const facts = factsOf(parts);
  const body = input.body;
  const lastDate = parts.events.reduce<string | null>((m, e) => (m === null || e.onDate > m ? e.onDate : m), null);
  const set: Partial<Alliance> = { status: t.to };
  const extra: Statement[] = [];
  let onDate: string;
  let documentId: string | null = null;
  let reason: string | null = body.reason ?? null;
  const now = ctx.clock.now();

  switch (input.action) {
    case 'apply': {
      const problems = applyProblems(facts);
      if (problems.length) throw problemsError('还不能提交申请，以下条件尚未满足', problems);
      onDate = decisionDate(ctx, body.onDate, lastDate);
      set.appliedOn = onDate;
      break;
    }
    case 'establish': {
      const problems = establishProblems(facts);
      onDate = decisionDate(ctx, body.foundedOn, a.approvedOn, 'body.foundedOn');
      if (problems.length) throw problemsError('还不能确认组建，以下条件尚未满足', problems);
      set.foundedOn = onDate;
      // Founding members join on the day of the founding meeting.
      extra.push(
        ctx.db
          .update(allianceMembers)
          .set({ joinedOn: onDate, updatedAt: now })
          .where(and(eq(allianceMembers.allianceId, a.id), sql`${allianceMembers.leftOn} IS NULL`, sql`${allianceMembers.joinedOn} IS NULL`)) ,
      );
      break;
    }
    case 'start': {
      const problems = startProblems(facts);
      if (problems.length) throw problemsError('还不能开始运行，以下条件尚未满足', problems);
      onDate = decisionDate(ctx, body.onDate, a.foundedOn);
      set.startedOn = onDate;
      break;
    }
    case 'approve':
    case 'reject': {
      onDate = decisionDate(ctx, body.onDate, a.appliedOn);
      const approve = input.action === 'approve';
      if (approve) set.approvedOn = onDate;
      documentId = newId('adc', now);
      const content = body.replyText!;
      extra.push(
        ctx.db.insert(allianceDocuments).values({
          id: documentId,
          allianceId: a.id,
          kind: 'approval_reply',
          title: body.replyTitle ?? `关于${approve ? '同意' : '不同意'}组建${a.name}的批复`,
          docDate: onDate,
          status: 'adopted',
          signerName: ctx.actor.displayName,
          signerOrgId: a.committeeOrgId,
          year: null,
          content,
          contentHash: await sha256Hex(content),
          version: 1,
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      reason = content.length > 200 ? `${content.slice(0, 200)}…` : content;
      break;
    }
    case 'dissolve': {
      onDate = decisionDate(ctx, body.onDate, lastDate);
      set.dissolvedOn = onDate;
      // Dissolution ends every membership that day; the history keeps them.
      extra.push(
        ctx.db
          .update(allianceMembers)
          .set({ leftOn: onDate, leaveReason: '联合体撤销', version: sql`${allianceMembers.version} + 1`, updatedAt: now })
          .where(and(eq(allianceMembers.allianceId, a.id), sql`${allianceMembers.leftOn} IS NULL`, sql`${allianceMembers.joinedOn} IS NOT NULL`)),
      );
      break;
    }
    default:
      onDate = decisionDate(ctx, body.onDate, lastDate);
  }

  if (t.filing) {
    const verb = { approval: '批准组建', rectification: input.action === 'rectify' ? '责令规范整顿' : '整顿完成恢复运行', dissolution: '撤销', adjustment: '调整', assessment: '考核' }[t.filing];
    extra.push(
      filingInsert(ctx, a, {
        kind: t.filing,
        title: `${a.committeeOrgName}${verb}“${a.name}”`,
        summary: reason ?? verb,
        documentId,
        filedOn: onDate,
      }),
    );
  }
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ...bumpAlliance(ctx, a, set, {
        action: `alliance.${input.action}`,
        before: { status: a.status },
        after: { ...set, onDate, reason, documentId },
      }),
      eventInsert(ctx, { allianceId: a.id, action: input.action, fromStatus: a.status, toStatus: t.to, onDate, reason, documentId }),
      ...extra,
    ]),
  );
  return getAlliance({ ctx, input: { id: a.id } });
}
