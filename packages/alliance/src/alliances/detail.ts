import { type Ctx } from '@ronghe/core';
import { ADJUSTMENT_KIND_LABELS, ALLIANCE_ACTION_LABELS, type AdjustmentPayload, type AllianceAction, type AllianceStatus, type AllianceDetail } from '@ronghe/schema';
import { may } from '../access.ts';
import { applyProblems, compositionProblems, establishProblems, membershipProblems, startProblems } from '../rules.ts';
import { ADJUSTABLE, EDITABLE_FILE, GOVERNANCE_EDITABLE, isLegal, TRANSITIONS } from '../state-machine.ts';
import { summary } from './list.ts';
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
  return {
    ...summary(head),
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
      joinedOn: r.m.joinedOn,
      leftOn: r.m.leftOn,
      leaveReason: r.m.leaveReason,
      current: r.m.leftOn === null,
      version: r.m.version,
      canUpdate: r.m.leftOn === null && status !== 'dissolved' && may(ctx, 'alliance.member_update', a, r.m.orgId),
    })),
    governance: parts.seats.map((r) => ({ id: r.s.id, layer: r.s.layer, post: r.s.post, personName: r.s.personName, orgId: r.s.orgId, orgName: r.orgName })),
    documents: parts.documents,
    adjustments: parts.adjustments.map((j) => ({
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
      version: j.version,
    })),
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
    },
    can,
  };
}
