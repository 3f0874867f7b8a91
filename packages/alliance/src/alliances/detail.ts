import { type Ctx } from '@ronghe/core';
import { ADJUSTMENT_KIND_LABELS, ALLIANCE_ACTION_LABELS, type AdjustmentPayload, type AllianceAction, type AllianceStatus, type AllianceDetail, type ProblemItem } from '@ronghe/schema';
import { may } from '../access.ts';
import { applyProblems, compositionProblems, contributionTotalOk, establishProblems, joinerOwes, membershipProblems, runningProblems, startProblems } from '../rules.ts';
import { ADJUSTABLE, EDITABLE_FILE, GOVERNANCE_EDITABLE, isLegal, TRANSITIONS } from '../state-machine.ts';
import { originalOf } from '../documents/original-view.ts';
import { FOUNDED, summary } from './list.ts';
import { type AllianceParts, factsOf } from './parts.ts';

const HEADED: readonly AllianceStatus[] = ['approved', 'established', 'active', 'rectifying'];

const EVENT_LABELS: Record<string, string> = { ...ALLIANCE_ACTION_LABELS, create: '起草', adjust: '调整', adjust_reject: '不同意调整', settle: '未结事项处理', receive: '接收移交' };

export function adjustmentSummary(payload: AdjustmentPayload, orgNames: Map<string, string>): string {
  switch (payload.kind) {
    case 'member_join':
      return `${ADJUSTMENT_KIND_LABELS.member_join}：${orgNames.get(payload.orgId) ?? payload.orgId}`;
    case 'member_leave':
      return `${ADJUSTMENT_KIND_LABELS.member_leave}：${orgNames.get(payload.memberId) ?? payload.memberId}`;
    case 'type_change':
      return `${ADJUSTMENT_KIND_LABELS.type_change}：改为${payload.type}${payload.typeNote ? `（${payload.typeNote}）` : ''}`;
    case 'lead_change':
      return `${ADJUSTMENT_KIND_LABELS.lead_change}：改由${orgNames.get(payload.orgId) ?? payload.orgId}牵头`;
  }
}

/**
 * The current members' ratios once a join or leave takes effect, before any
 * rebalancing the decision brings (`resolved`: orgId → basis points). Null for
 * adjustments that do not change who is a member.
 */
export function contributionsAfter(
  parts: Pick<AllianceParts, 'members'>,
  payload: AdjustmentPayload,
  orgNames: Map<string, string>,
  resolved: ReadonlyMap<string, number> = new Map(),
): Array<{ orgId: string; orgName: string; contributionBp: number }> | null {
  if (payload.kind !== 'member_join' && payload.kind !== 'member_leave') return null;
  const current = parts.members.filter((r) => r.m.leftOn === null);
  const staying = payload.kind === 'member_leave' ? current.filter((r) => r.m.id !== payload.memberId) : current;
  const rows = staying.map((r) => ({ orgId: r.m.orgId, orgName: r.orgName, contributionBp: r.m.contributionBp }));
  if (payload.kind === 'member_join') rows.push({ orgId: payload.orgId, orgName: orgNames.get(payload.orgId) ?? payload.orgId, contributionBp: payload.contributionBp ?? 0 });
  return rows.map((r) => ({ ...r, contributionBp: resolved.get(r.orgId) ?? r.contributionBp }));
}

/** The ratio problem a join or leave leaves for its decision to resolve, if any. */
export function ratioAfterProblem(after: ReadonlyArray<{ contributionBp: number }> | null): ProblemItem[] {
  if (!after) return [];
  const total = after.reduce((s, r) => s + r.contributionBp, 0);
  if (contributionTotalOk(total)) return [];
  return [{ code: 'members.contribution', message: `调整后出资比例合计为 ${(total / 100).toFixed(2)}%，应为 100%（或都不填）：请在决定中给出调整后的出资比例` }];
}

/** Names for adjustment summaries: organizations and member rows by id. */
export function namesOf(parts: Pick<AllianceParts, 'members' | 'proposedOrgs'>): Map<string, string> {
  const names = new Map(parts.proposedOrgs.map((o) => [o.id, o.name]));
  for (const r of parts.members) {
    names.set(r.m.orgId, r.orgName);
    names.set(r.m.id, r.orgName);
  }
  return names;
}

export function toDetail(ctx: Ctx, parts: AllianceParts): AllianceDetail {
  const { head, alliance: a } = parts;
  const facts = factsOf(parts);
  const status = a.status;
  const can = {} as AllianceDetail['can'];
  for (const [action, t] of Object.entries(TRANSITIONS) as Array<[AllianceAction, (typeof TRANSITIONS)[AllianceAction]]>) {
    can[action] = isLegal(action, status) && may(ctx, t.permission, a);
  }
  const manage = may(ctx, 'alliance.manage', a);
  can.update = manage && status !== 'dissolved' && status !== 'applied';
  can.editMembers = manage && EDITABLE_FILE.includes(status);
  // Ratios, consortium roles and liaisons stay editable for the whole life of the alliance.
  can.updateMembers = manage && status !== 'dissolved';
  can.editGovernance = manage && GOVERNANCE_EDITABLE.includes(status);
  can.editDocuments = manage && status !== 'dissolved';
  can.proposeAdjustment = may(ctx, 'alliance.adjust', a) && ADJUSTABLE.includes(status);
  can.decideAdjustment = may(ctx, 'alliance.review', a) && ADJUSTABLE.includes(status);

  const names = namesOf(parts);
  const current = parts.members.filter((r) => r.m.leftOn === null);
  const founded = FOUNDED.includes(status);
  const running = founded ? runningProblems(facts, { liaisonsDue: status !== 'established' }) : [];
  return {
    ...summary(head),
    // The same rules as the list's SQL flag, from the rules themselves.
    compliant: founded ? running.length === 0 : null,
    vision: a.vision,
    commonNeeds: a.commonNeeds,
    houseRules: a.houseRules ?? [],
    consortium: a.consortium ?? null,
    startedOn: a.startedOn,
    dissolvedOn: a.dissolvedOn,
    createdAt: a.createdAt,
    contributionTotalBp: current.reduce((s, r) => s + r.m.contributionBp, 0),
    members: parts.members.map((r) => ({
      id: r.m.id,
      orgId: r.m.orgId,
      orgName: r.orgName,
      orgDomain: r.orgDomain,
      isExternal: Boolean(r.isExternal),
      externalRegion: r.externalRegion,
      secretaryName: r.secretaryName,
      role: r.m.role,
      consortiumRole: r.m.consortiumRole,
      contributionBp: r.m.contributionBp,
      liaisonName: r.m.liaisonName,
      liaisonPhone: r.m.liaisonPhone,
      liaisonPartyMember: r.m.liaisonPartyMember,
      liaisonPersonId: r.m.liaisonPersonId,
      joinedOn: r.m.joinedOn,
      leftOn: r.m.leftOn,
      leaveReason: r.m.leaveReason,
      current: r.m.leftOn === null,
      version: r.m.version,
      canUpdate: r.m.leftOn === null && status !== 'dissolved' && may(ctx, 'alliance.member_update', a, r.m.orgId),
    })),
    governance: parts.seats.map((r) => ({ id: r.s.id, layer: r.s.layer, post: r.s.post, personName: r.s.personName, orgId: r.s.orgId, orgName: r.orgName })),
    documents: parts.documents.map(({ originalSha256, originalSize, originalType, originalName, originalAt, originalBy, ...d }) => ({
      ...d,
      original: originalOf({ originalSha256, originalSize, originalType, originalName, originalAt, originalBy }),
    })),
    adjustments: parts.adjustments.map((j) => {
      const pending = j.status === 'proposed';
      const after = pending ? contributionsAfter(parts, j.payload, names) : null;
      const owes = pending && j.payload.kind === 'member_join' ? joinerOwes(names.get(j.payload.orgId) ?? j.payload.orgId) : [];
      return {
      id: j.id,
      kind: j.kind,
      summary: adjustmentSummary(j.payload, names),
      payload: j.payload as unknown as Record<string, unknown>,
      reason: j.reason,
      status: j.status,
      proposedByName: j.proposedByName,
      proposedAt: j.proposedAt,
      decidedByName: j.decidedByName,
      decidedOn: j.decidedOn,
      decisionNote: j.decisionNote,
      outstanding: [...owes, ...ratioAfterProblem(after)],
      contributionsAfter: after,
      version: j.version,
      };
    }),
    timeline: parts.events.map((e) => ({
      id: e.id,
      action: e.action,
      actionLabel: EVENT_LABELS[e.action] ?? e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      onDate: e.onDate,
      at: e.at,
      actorName: e.actorName,
      actorRole: e.actorRole,
      reason: e.reason,
      documentId: e.documentId,
      adjustmentId: e.adjustmentId,
    })),
    checks: {
      // Who heads it is settled with the deliberating body, after approval; before that only membership counts.
      composition: HEADED.includes(status) ? compositionProblems(facts) : membershipProblems(facts),
      apply: status === 'draft' ? applyProblems(facts) : [],
      establish: status === 'approved' ? establishProblems(facts) : [],
      start: status === 'established' ? startProblems(facts) : [],
      running,
    },
    can,
  };
}
