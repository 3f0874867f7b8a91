import { and, asc, desc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { decodeCursor, encodeCursor, inList, nameContains, notFound, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import {
  ADJUSTMENT_KIND_LABELS,
  ALLIANCE_ACTION_LABELS,
  allianceAdjustments,
  allianceDocuments,
  allianceEvents,
  allianceGovernanceSeats,
  allianceMembers,
  alliances,
  organizations,
  type AdjustmentPayload,
  type AllianceAction,
  type AllianceStatus,
  type AllianceDetail,
  type AllianceListQuery,
  type AllianceSummary,
  type OrgDomain,
} from '@ronghe/schema';
import { may, type AllianceWithScope } from './access.ts';
import { applyProblems, compositionProblems, establishProblems, membershipProblems, startProblems, type AllianceFacts } from './rules.ts';
import { ADJUSTABLE, EDITABLE_FILE, GOVERNANCE_EDITABLE, isLegal, TRANSITIONS } from './state-machine.ts';

const lead = alias(organizations, 'lead');
const committee = alias(organizations, 'committee');

const memberCount = sql<number>`(SELECT count(*) FROM alliance_members m WHERE m.alliance_id = ${alliances.id} AND m.left_on IS NULL)`
  .mapWith(Number)
  .as('member_count');

function headSelect(ctx: Ctx) {
  return ctx.db
    .select({
      a: alliances,
      leadOrgName: sql<string>`${lead.name}`.as('lead_org_name'),
      committeeOrgName: sql<string>`${committee.name}`.as('committee_org_name'),
      committeePath: sql<string>`${committee.path}`.as('committee_path'),
      memberCount,
    })
    .from(alliances)
    .innerJoin(lead, eq(lead.id, alliances.leadOrgId))
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId));
}

type HeadRow = { a: typeof alliances.$inferSelect; leadOrgName: string; committeeOrgName: string; committeePath: string; memberCount: number };

function summary(r: HeadRow): AllianceSummary {
  const a = r.a;
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    typeNote: a.typeNote,
    model: a.model,
    pairingForm: a.pairingForm,
    status: a.status,
    leadOrgId: a.leadOrgId,
    leadOrgName: r.leadOrgName,
    committeeOrgId: a.committeeOrgId,
    committeeOrgName: r.committeeOrgName,
    memberCount: r.memberCount,
    appliedOn: a.appliedOn,
    approvedOn: a.approvedOn,
    foundedOn: a.foundedOn,
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

export async function findAlliance(ctx: Ctx, id: string): Promise<AllianceWithScope> {
  const rows = await headSelect(ctx).where(eq(alliances.id, id)).limit(1);
  const r = rows[0];
  if (!r) throw notFound('党建联合体');
  return { ...r.a, committeePath: r.committeePath, leadOrgName: r.leadOrgName, committeeOrgName: r.committeeOrgName };
}

export async function listAlliances({ ctx, input }: { ctx: Ctx; input: AllianceListQuery & { statuses?: readonly AllianceStatus[] } }) {
  const where: SQL[] = [];
  if (input.statuses) where.push(inList(alliances.status, [...input.statuses]));
  if (input.type) where.push(eq(alliances.type, input.type));
  if (input.model) where.push(eq(alliances.model, input.model));
  if (input.status) where.push(eq(alliances.status, input.status));
  if (input.committeeId) where.push(eq(alliances.committeeOrgId, input.committeeId));
  if (input.streetId) where.push(or(eq(alliances.committeeOrgId, input.streetId), sql`instr(${lead.path}, ${`/${input.streetId}/`}) > 0`)!);
  if (input.orgId) {
    where.push(sql`EXISTS (SELECT 1 FROM alliance_members m WHERE m.alliance_id = ${alliances.id} AND m.org_id = ${input.orgId} AND m.left_on IS NULL)`);
  }
  if (input.q) {
    // Any length (ADR 0014): both names through their trigram indexes.
    where.push(or(nameContains('alliances', alliances, alliances.name, input.q), nameContains('organizations', lead, lead.name, input.q))!);
  }
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) {
    const [name, id] = decodeCursor(input.cursor, 2).map(String) as [string, string];
    pageWhere.push(or(gt(alliances.name, name), and(eq(alliances.name, name), gt(alliances.id, id)))!);
  }
  const [rows, totals] = await ctx.db.batch([
    headSelect(ctx)
      .where(and(...pageWhere))
      .orderBy(asc(alliances.name), asc(alliances.id))
      .limit(limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(alliances)
      .innerJoin(lead, eq(lead.id, alliances.leadOrgId))
      .where(and(...where)),
  ]);
  const page = rows.slice(0, limit) as HeadRow[];
  const last = page.at(-1);
  return {
    items: page.map(summary),
    total: totals[0]?.total ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.a.name, last.a.id]) : null,
  };
}

/** Everything the detail page and the rules need, in one round trip. */
export async function loadAllianceParts(ctx: Ctx, id: string) {
  const seatOrg = alias(organizations, 'seat_org');
  const signerOrg = alias(organizations, 'signer_org');
  const [heads, members, seats, documents, adjustments, events, proposedOrgs] = await ctx.db.batch([
    headSelect(ctx).where(eq(alliances.id, id)).limit(1),
    ctx.db
      .select({
        m: allianceMembers,
        orgName: sql<string>`${organizations.name}`.as('org_name'),
        orgDomain: sql<OrgDomain>`${organizations.domain}`.as('org_domain'),
        orgStatus: sql<string>`${organizations.status}`.as('org_status'),
        isExternal: sql<number>`${organizations.isExternal}`.as('org_is_external'),
        externalRegion: sql<string | null>`${organizations.externalRegion}`.as('org_external_region'),
        secretaryName: sql<string | null>`${organizations.secretaryName}`.as('org_secretary_name'),
      })
      .from(allianceMembers)
      .innerJoin(organizations, eq(organizations.id, allianceMembers.orgId))
      .where(eq(allianceMembers.allianceId, id))
      .orderBy(sql`${allianceMembers.leftOn} IS NOT NULL`, desc(sql`${allianceMembers.role} = 'lead'`), asc(allianceMembers.createdAt), asc(allianceMembers.id)),
    ctx.db
      .select({
        s: allianceGovernanceSeats,
        orgName: sql<string | null>`${seatOrg.name}`.as('seat_org_name'),
        orgDomain: sql<OrgDomain | null>`${seatOrg.domain}`.as('seat_org_domain'),
      })
      .from(allianceGovernanceSeats)
      .leftJoin(seatOrg, eq(seatOrg.id, allianceGovernanceSeats.orgId))
      .where(eq(allianceGovernanceSeats.allianceId, id))
      .orderBy(asc(allianceGovernanceSeats.sortOrder)),
    ctx.db
      .select({
        id: allianceDocuments.id,
        kind: allianceDocuments.kind,
        title: allianceDocuments.title,
        docDate: allianceDocuments.docDate,
        status: allianceDocuments.status,
        signerName: allianceDocuments.signerName,
        signerOrgId: allianceDocuments.signerOrgId,
        signerOrgName: sql<string | null>`${signerOrg.name}`.as('signer_org_name'),
        year: allianceDocuments.year,
        contentHash: allianceDocuments.contentHash,
        version: allianceDocuments.version,
        createdAt: allianceDocuments.createdAt,
        updatedAt: allianceDocuments.updatedAt,
      })
      .from(allianceDocuments)
      .leftJoin(signerOrg, eq(signerOrg.id, allianceDocuments.signerOrgId))
      .where(eq(allianceDocuments.allianceId, id))
      .orderBy(asc(allianceDocuments.createdAt), asc(allianceDocuments.id)),
    ctx.db.select().from(allianceAdjustments).where(eq(allianceAdjustments.allianceId, id)).orderBy(desc(allianceAdjustments.proposedAt), desc(allianceAdjustments.id)),
    ctx.db.select().from(allianceEvents).where(eq(allianceEvents.allianceId, id)).orderBy(asc(allianceEvents.id)),
    // Organizations that proposals name (a join, a new lead), for their summaries.
    ctx.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(sql`${organizations.id} IN (SELECT json_extract(payload, '$.orgId') FROM alliance_adjustments WHERE alliance_id = ${id})`),
  ]);
  const head = heads[0] as HeadRow | undefined;
  if (!head) throw notFound('党建联合体');
  const alliance: AllianceWithScope = { ...head.a, committeePath: head.committeePath, leadOrgName: head.leadOrgName, committeeOrgName: head.committeeOrgName };
  return { head, alliance, members, seats, documents, adjustments, events, proposedOrgs };
}
export type AllianceParts = Awaited<ReturnType<typeof loadAllianceParts>>;

export function factsOf(parts: Pick<AllianceParts, 'alliance' | 'members' | 'seats' | 'documents'>): AllianceFacts {
  return {
    type: parts.alliance.type,
    consortium: parts.alliance.consortium ?? null,
    leadOrgId: parts.alliance.leadOrgId,
    members: parts.members
      .filter((r) => r.m.leftOn === null)
      .map((r) => ({
        orgId: r.m.orgId,
        orgName: r.orgName,
        domain: r.orgDomain,
        orgActive: r.orgStatus === 'active',
        role: r.m.role,
        consortiumRole: r.m.consortiumRole,
        contributionBp: r.m.contributionBp,
        liaisonName: r.m.liaisonName,
      })),
    seats: parts.seats.map((r) => ({ layer: r.s.layer, post: r.s.post, personName: r.s.personName, orgId: r.s.orgId, orgDomain: r.orgDomain })),
    documents: parts.documents.map((d) => ({ kind: d.kind, status: d.status, signerOrgId: d.signerOrgId })),
  };
}

const HEADED: readonly AllianceStatus[] = ['approved', 'established', 'active', 'rectifying'];

const EVENT_LABELS: Record<string, string> = { ...ALLIANCE_ACTION_LABELS, create: '起草', adjust: '调整', adjust_reject: '不同意调整' };

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

export async function getAlliance({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<AllianceDetail> {
  const parts = await loadAllianceParts(ctx, input.id);
  return toDetail(ctx, parts);
}
