import { type Ctx } from '@ronghe/core';
import { PROJECT_ACTIONS, PROJECT_CAN_KEYS, type ProjectDetailView } from '@ronghe/schema';
import { today } from '../shared/dates.ts';
import { deliverOrgIds, isFinalProject, mayDeliver, mayManage, maySupervise, mayTransition } from './project-rules.ts';
import { isLegalProjectStep } from './state-machine.ts';
import { isMilestoneOverdue, isOpenProject } from './warnings.ts';
import { toSummary } from './view.ts';
import { type ProjectParts, claimableOrgs } from './parts.ts';

export function toDetail(ctx: Ctx, parts: ProjectParts): ProjectDetailView {
  const { project: p, alliance: a } = parts;
  const claims = parts.claims.map((c) => c.c);
  const t = today(ctx);
  const manage = mayManage(ctx, a);
  const deliver = mayDeliver(ctx, a, claims);
  const can = Object.fromEntries(PROJECT_CAN_KEYS.map((k) => [k, false])) as ProjectDetailView['can'];
  for (const action of PROJECT_ACTIONS) can[action] = isLegalProjectStep(action, p.status) && mayTransition(ctx, action, a, claims);
  const claimable = claimableOrgs(ctx, parts);
  can.update = manage && !isFinalProject(p.status);
  can.plan = manage && isOpenProject(p.status);
  can.progress = deliver && p.status === 'in_progress';
  can.claim = claimable.length > 0;
  can.decideClaims = manage && isOpenProject(p.status) && claims.some((c) => c.status === 'pending');
  can.supervise = maySupervise(ctx, a) && !isFinalProject(p.status);
  can.reply = (manage || deliverOrgIds(ctx, a, claims).length > 0) && !isFinalProject(p.status);
  return {
    ...toSummary(ctx, parts.head),
    description: p.description,
    funding: p.funding ?? [],
    startedOn: p.startedOn,
    completedOn: p.completedOn,
    acceptedOn: p.acceptedOn,
    escalatedOn: p.escalatedOn,
    beneficiaries: p.beneficiaries,
    deliveredQty: p.deliveredQty,
    outcomeNote: p.outcomeNote,
    acceptanceNote: p.acceptanceNote,
    cancelReason: p.cancelReason,
    milestones: parts.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      weight: m.weight,
      dueOn: m.dueOn,
      progressPct: m.progressPct,
      doneOn: m.doneOn,
      note: m.note,
      sortOrder: m.sortOrder,
      overdue: isOpenProject(p.status) && isMilestoneOverdue(m, t),
    })),
    claims: parts.claims.map((r) => ({
      id: r.c.id,
      orgId: r.c.orgId,
      orgName: r.orgName,
      status: r.c.status,
      note: r.c.note,
      decisionNote: r.c.decisionNote,
      claimedAt: r.c.claimedAt,
      decidedAt: r.c.decidedAt,
    })),
    allocations: parts.allocations.map((r) => ({
      id: r.a.id,
      needId: r.a.needId,
      needTitle: r.needTitle,
      resourceId: r.a.resourceId,
      resourceTitle: r.resourceTitle,
      offeringOrgName: r.offeringOrgName,
      quantity: r.a.quantity,
      unit: r.unit,
      state: r.a.state,
      deliveredQty: r.a.deliveredQty,
    })),
    notes: parts.notes.map((r) => ({
      id: r.n.id,
      kind: r.n.kind,
      body: r.n.body,
      authorName: r.n.authorName,
      authorOrgName: r.authorOrgName,
      replyToId: r.n.replyToId,
      notified: r.n.notified ?? [],
      onDate: r.n.onDate,
      createdAt: r.n.createdAt,
    })),
    can,
    claimableOrgs: claimable,
  };
}
