import { and, eq, sql } from 'drizzle-orm';
import { AppError, newId, runGuarded, writeBatch, type Ctx, type Statement } from '@ronghe/core';
import { allianceDocuments, allianceMembers, type Alliance, type AllianceAction, type AllianceDetail, type SettledItem, type TransitionInput } from '@ronghe/schema';
import { assertMay } from '../access.ts';
import { factsOf, loadAllianceParts } from './parts.ts';
import { getAlliance } from './get.ts';
import { assertVersion, bumpAlliance, decisionDate, problemsError, sha256Hex } from '../common.ts';
import { filingInsert } from '../filings/insert.ts';
import { applyProblems, establishProblems, startProblems } from '../rules.ts';
import { illegalTransitionMessage, isLegal, TRANSITIONS } from '../state-machine.ts';
import { eventInsert } from './events.ts';
import { loadAllianceRefs } from '../read.ts';

/**
 * Settles the dissolving alliance's open work in the lists (ADR 0016): given
 * the decision, it validates the settlement and returns the statements that
 * join the dissolution's batch, with what became of each item. Composed by
 * the worker (the alliance capability does not import the lists).
 */
export type DissolutionSettler = (decision: { allianceId: string; allianceName: string; reason: string }) => Promise<{ statements: Statement[]; settled: SettledItem[] }>;

const SETTLED_VERB: Record<SettledItem['kind'], Record<SettledItem['choice'], string>> = {
  project: { cancel: '取消项目', release: '取消项目', hand_over: '项目' },
  need: { cancel: '关闭需求', release: '关闭需求', hand_over: '需求' },
  resource: { cancel: '释放资源', release: '释放资源', hand_over: '资源' },
};

/** Titles in a timeline line: all of them up to a point, then a count. */
function titlesOf(items: readonly SettledItem[]): string {
  const shown = items.slice(0, 20).map((i) => `“${i.title}”`).join('、');
  return items.length > 20 ? `${shown}等 ${items.length} 项` : shown;
}

/** The timeline's account of a settlement: what was cancelled, closed or released here, and what went to whom. */
export function settlementSummary(settled: readonly SettledItem[]): { own: string; received: Map<string, { name: string; text: string }> } {
  const parts: string[] = [];
  for (const kind of ['project', 'need', 'resource'] as const) {
    const ended = settled.filter((i) => i.kind === kind && i.choice !== 'hand_over');
    if (ended.length) parts.push(`${SETTLED_VERB[kind][ended[0]!.choice]}${titlesOf(ended)}`);
  }
  const received = new Map<string, { name: string; text: string }>();
  const targets = [...new Set(settled.filter((i) => i.choice === 'hand_over').map((i) => i.targetAllianceId!))];
  for (const t of targets) {
    const mine = settled.filter((i) => i.targetAllianceId === t);
    const what = (['project', 'need', 'resource'] as const)
      .map((k) => mine.filter((i) => i.kind === k))
      .filter((xs) => xs.length)
      .map((xs) => `${SETTLED_VERB[xs[0]!.kind].hand_over}${titlesOf(xs)}`)
      .join('；');
    parts.push(`移交“${mine[0]!.targetAllianceName}”：${what}`);
    received.set(t, { name: mine[0]!.targetAllianceName!, text: what });
  }
  return { own: `未结事项处理：${parts.join('；')}`, received };
}

/** Runs one workflow action: authorized, legal from the current state, its preconditions met, audited, evented and filed in one batch. */
export async function transitionAlliance({
  ctx,
  input,
  settle,
}: {
  ctx: Ctx;
  input: { id: string; action: AllianceAction; expectedVersion: number; body: TransitionInput };
  /** Required to dissolve: the lists' settlement of the open work (ADR 0016). */
  settle?: DissolutionSettler;
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
  const settlementEvents: Statement[] = [];
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
      // Dissolving without settling the lists would leave work open under a dissolved alliance.
      if (!settle) throw new Error('dissolution needs the lists settlement (ADR 0016)');
      const { statements, settled } = await settle({ allianceId: a.id, allianceName: a.name, reason: reason! });
      set.dissolvedOn = onDate;
      if (settled.length) {
        const summary = settlementSummary(settled);
        // After the dissolution's own timeline entry (ids are time-ordered), the settlement on this timeline and on each receiving one.
        settlementEvents.push(eventInsert(ctx, { allianceId: a.id, action: 'settle', fromStatus: 'dissolved', toStatus: 'dissolved', onDate, reason: summary.own }, { at: now + 1 }));
        const receivers = await loadAllianceRefs(ctx, [...summary.received.keys()]);
        for (const [targetId, r] of summary.received) {
          const st = receivers.get(targetId)!.status;
          settlementEvents.push(eventInsert(ctx, { allianceId: targetId, action: 'receive', fromStatus: st, toStatus: st, onDate, reason: `接收“${a.name}”撤销时移交的${r.text}` }));
        }
      }
      settlementEvents.push(...statements);
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
      ...filingInsert(ctx, a, {
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
      eventInsert(ctx, { allianceId: a.id, action: input.action, fromStatus: a.status, toStatus: t.to, onDate, reason, documentId }, { at: now }),
      ...extra,
      ...settlementEvents,
    ]),
  );
  return getAlliance({ ctx, input: { id: a.id } });
}
