import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError, auditInsert, insertRows, newId, primaryRole, runGuarded, writeBatch, type Ctx, type FieldError, type Statement } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import {
  allianceDocuments,
  allianceEvents,
  allianceMembers,
  alliances,
  type Alliance,
  type AllianceAction,
  type AllianceCreateInput,
  type AllianceDetail,
  type AllianceUpdateInput,
  type TransitionInput,
} from '@ronghe/schema';
import { assertMay } from './access.ts';
import { factsOf, findAlliance, getAlliance, loadAllianceParts } from './alliance-read.ts';
import { assertVersion, bumpAlliance, committeeErrors, decisionDate, loadOrgs, problemsError, requireActiveOrg, sha256Hex, today } from './common.ts';
import { filingInsert } from './filings.ts';
import { applyProblems, establishProblems, startProblems } from './rules.ts';
import { EDITABLE_FILE, illegalTransitionMessage, isLegal, TRANSITIONS } from './state-machine.ts';

async function assertNameFree(ctx: Ctx, name: string, selfId?: string) {
  const clash = await ctx.db.query.alliances.findFirst({
    where: and(eq(alliances.name, name), ne(alliances.status, 'dissolved'), selfId ? ne(alliances.id, selfId) : undefined),
    columns: { id: true },
  });
  if (clash) throw new AppError('conflict', `已有名为“${name}”的党建联合体`, { errors: [{ path: 'body.name', message: '联合体名称不能与现有联合体重复' }] });
}

/** The snapshot an audit row keeps of the alliance itself. */
function snapshot(a: Alliance) {
  const { createdAt: _c, updatedAt: _u, ...rest } = a;
  return rest;
}

export async function createAlliance({ ctx, input }: { ctx: Ctx; input: AllianceCreateInput }): Promise<AllianceDetail> {
  const memberInputs = input.members ?? [];
  const orgs = await loadOrgs(ctx, [input.leadOrgId, input.committeeOrgId, ...memberInputs.map((m) => m.orgId)]);
  const leadOrg = requireActiveOrg(orgs, input.leadOrgId, 'body.leadOrgId', '牵头党组织');
  // The lead's secretary may draft only for their own organization.
  if (!allows(ctx.actor, 'alliance.create', { orgId: leadOrg.id, orgPath: leadOrg.path })) {
    throw new AppError('forbidden', '只能以本党组织为牵头党组织起草联合体');
  }
  const committee = requireActiveOrg(orgs, input.committeeOrgId, 'body.committeeOrgId', '上级党(工)委');
  const errors: FieldError[] = [...committeeErrors(committee, leadOrg.id)];
  const seen = new Set<string>([leadOrg.id]);
  memberInputs.forEach((m, i) => {
    const org = orgs.get(m.orgId);
    if (!org) errors.push({ path: `body.members.${i}.orgId`, message: '该党组织不存在' });
    else if (org.status !== 'active') errors.push({ path: `body.members.${i}.orgId`, message: `“${org.name}”已停用` });
    else if (seen.has(m.orgId)) errors.push({ path: `body.members.${i}.orgId`, message: `“${org.name}”重复或就是牵头党组织` });
    seen.add(m.orgId);
  });
  if (input.type === '党建联合体+' && !input.typeNote) errors.push({ path: 'body.typeNote', message: '请填写“党建联合体+”的具体名称' });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  await assertNameFree(ctx, input.name);

  const now = ctx.clock.now();
  const id = newId('aln', now);
  const row: Alliance = {
    id,
    name: input.name,
    type: input.type,
    typeNote: input.typeNote ?? null,
    model: input.model,
    pairingForm: input.pairingForm,
    vision: input.vision,
    commonNeeds: input.commonNeeds,
    leadOrgId: leadOrg.id,
    committeeOrgId: committee.id,
    status: 'draft',
    houseRules: input.houseRules ?? [],
    consortium: input.consortium ?? null,
    appliedOn: null,
    approvedOn: null,
    foundedOn: null,
    startedOn: null,
    dissolvedOn: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  // Rows are ordered by createdAt on the detail page: keep the order the lead gave.
  const memberRow = (orgId: string, role: 'lead' | 'member', m?: (typeof memberInputs)[number], i = 0) => ({
    id: newId('alm', now + i),
    allianceId: id,
    orgId,
    role,
    consortiumRole: m?.consortiumRole ?? null,
    contributionBp: m?.contributionBp ?? 0,
    liaisonName: m?.liaisonName ?? null,
    liaisonPhone: m?.liaisonPhone ?? null,
    joinedOn: null,
    leftOn: null,
    leaveReason: null,
    version: 1,
    createdAt: now + i,
    updatedAt: now,
  });
  const members = [memberRow(leadOrg.id, 'lead'), ...memberInputs.map((m, i) => memberRow(m.orgId, 'member', m, i + 1))];
  await writeBatch(ctx.db, [
    ctx.db.insert(alliances).values(row),
    // Up to 201 members: one JSON value per statement, not 14 parameters a member (D1 allows 100).
    ...insertRows(allianceMembers, members),
    eventInsert(ctx, { allianceId: id, action: 'create', fromStatus: null, toStatus: 'draft', onDate: today(ctx) }),
    auditInsert(ctx, { action: 'alliance.create', entityType: 'alliance', entityId: id, after: { ...snapshot(row), members: members.map((m) => m.orgId) } }),
  ]);
  return getAlliance({ ctx, input: { id } });
}

export function eventInsert(
  ctx: Ctx,
  e: { allianceId: string; action: string; fromStatus: Alliance['status'] | null; toStatus: Alliance['status']; onDate: string; reason?: string | null; documentId?: string | null; adjustmentId?: string | null },
) {
  const at = ctx.clock.now();
  return ctx.db.insert(allianceEvents).values({
    id: newId('aev', at),
    allianceId: e.allianceId,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    onDate: e.onDate,
    at,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    actorRole: primaryRole(ctx),
    reason: e.reason ?? null,
    documentId: e.documentId ?? null,
    adjustmentId: e.adjustmentId ?? null,
  });
}

/** Fields that define what the alliance is: fixed once applied (a type change is an adjustment). */
const STRUCTURAL = ['type', 'typeNote', 'model', 'pairingForm', 'leadOrgId', 'committeeOrgId'] as const;

export async function updateAlliance({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; expectedVersion: number; patch: AllianceUpdateInput };
}): Promise<AllianceDetail> {
  // Editing the alliance's own fields needs only its row, not members, documents and timeline.
  const a = await findAlliance(ctx, input.id);
  assertMay(ctx, 'alliance.manage', a);
  if (a.status === 'dissolved') throw new AppError('conflict', '已撤销的联合体不能修改');
  if (a.status === 'applied') throw new AppError('conflict', '申请审批期间不能修改，如需修改请先撤回申请');
  assertVersion(a.version, input.expectedVersion);
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as AllianceUpdateInput;
  const structural = STRUCTURAL.filter((k) => k in patch);
  if (structural.length && !EDITABLE_FILE.includes(a.status)) {
    throw new AppError('conflict', '联合体批准后，类型、模式、牵头单位和审批单位只能通过“调整”办理', {
      errors: structural.map((k) => ({ path: `body.${k}`, message: '批准后不能直接修改，请提出调整' })),
    });
  }
  const next = { ...a, ...patch };
  const errors: FieldError[] = [];
  const orgs = await loadOrgs(ctx, [next.leadOrgId, next.committeeOrgId]);
  if (patch.leadOrgId) {
    const leadOrg = requireActiveOrg(orgs, patch.leadOrgId, 'body.leadOrgId', '牵头党组织');
    if (!allows(ctx.actor, 'alliance.create', { orgId: leadOrg.id, orgPath: leadOrg.path })) {
      throw new AppError('forbidden', '只能以本党组织为牵头党组织');
    }
  }
  if (patch.committeeOrgId || patch.leadOrgId) {
    errors.push(...committeeErrors(requireActiveOrg(orgs, next.committeeOrgId, 'body.committeeOrgId', '上级党(工)委'), next.leadOrgId));
  }
  if (next.type === '党建联合体+' && !next.typeNote) errors.push({ path: 'body.typeNote', message: '请填写“党建联合体+”的具体名称' });
  if (errors.length) throw new AppError('validation_failed', '请根据字段提示修改后重新提交', { errors });
  if (patch.name) await assertNameFree(ctx, patch.name, a.id);

  const statements: Statement[] = [
    ...bumpAlliance(ctx, a, patch as Partial<Alliance>, { action: 'alliance.update', before: pick(a, Object.keys(patch)), after: patch }),
  ];
  if (patch.leadOrgId && patch.leadOrgId !== a.leadOrgId) {
    // In a draft, members are proposals: the new lead replaces the old one's row (and its own member row, if any).
    const now = ctx.clock.now();
    statements.push(
      ctx.db.delete(allianceMembers).where(and(eq(allianceMembers.allianceId, a.id), sql`${allianceMembers.orgId} IN (${a.leadOrgId}, ${patch.leadOrgId})`)),
      ctx.db.insert(allianceMembers).values({
        id: newId('alm', now),
        allianceId: a.id,
        orgId: patch.leadOrgId,
        role: 'lead',
        contributionBp: 0,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  await runGuarded(() => writeBatch(ctx.db, statements));
  return getAlliance({ ctx, input: { id: a.id } });
}

function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

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
