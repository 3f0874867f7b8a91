import { asc, desc, eq, sql } from 'drizzle-orm';
import { isPartyMemberWithin } from '@ronghe/people/read';
import { orgJoin } from '@ronghe/registry/read';
import { notFound, ph, preparedRead, runPreparedReads, type Ctx } from '@ronghe/core';
import { allianceAdjustments, allianceDocuments, allianceEvents, allianceGovernanceSeats, allianceMembers, alliances, type OrgDomain } from '@ronghe/schema';
import { type AllianceWithScope } from '../access.ts';
import { type AllianceFacts } from '../rules.ts';
import { headSelect, type HeadRow } from './list.ts';

export async function findAlliance(ctx: Ctx, id: string): Promise<AllianceWithScope> {
  const rows = await headSelect(ctx, { compliant: false }).where(eq(alliances.id, id)).limit(1);
  const r = rows[0];
  if (!r) throw notFound('党建联合体');
  return { ...r.a, committeePath: r.committeePath, leadOrgName: r.leadOrgName, committeeOrgName: r.committeeOrgName };
}

/**
 * Everything the detail page and the rules need, in one round trip. The seven
 * statements never change, only the id: each is built once per isolate
 * (packages/core/src/prepared-reads.ts, issue 15 § 2).
 */
export async function loadAllianceParts(ctx: Ctx, id: string) {
  const seatOrg = orgJoin('seat_org');
  const signerOrg = orgJoin('signer_org');
  const memberOrg = orgJoin('member_org');
  const proposedOrg = orgJoin('proposed_org');
  const at = ph('id');
  const values = { id };
  const read = <B extends PromiseLike<unknown> & { prepare(): unknown }>(key: string, build: () => B) => preparedRead(ctx.db, `alliance.parts.${key}`, build, values);
  const [heads, members, seats, documents, adjustments, events, proposedOrgs] = await runPreparedReads(ctx.db, [
    read('head', () => headSelect(ctx, { compliant: false }).where(eq(alliances.id, at)).limit(1)),
    read('members', () => ctx.db
      .select({
        m: allianceMembers,
        orgName: sql<string>`${memberOrg.name}`.as('org_name'),
        orgDomain: sql<OrgDomain>`${memberOrg.domain}`.as('org_domain'),
        orgStatus: sql<string>`${memberOrg.status}`.as('org_status'),
        isExternal: sql<number>`${memberOrg.isExternal}`.as('org_is_external'),
        externalRegion: sql<string | null>`${memberOrg.externalRegion}`.as('org_external_region'),
        secretaryName: sql<string | null>`${memberOrg.secretaryName}`.as('org_secretary_name'),
        // A liaison from the people registry keeps being a party member of this organization, or lapses (seed 000 11.1.2).
        liaisonLapsed: sql<number>`CASE WHEN ${allianceMembers.liaisonPersonId} IS NOT NULL AND NOT ${isPartyMemberWithin(allianceMembers.liaisonPersonId, allianceMembers.orgId)} THEN 1 ELSE 0 END`
          .mapWith(Number)
          .as('liaison_lapsed'),
      })
      .from(allianceMembers)
      .innerJoin(memberOrg, eq(memberOrg.id, allianceMembers.orgId))
      .where(eq(allianceMembers.allianceId, at))
      .orderBy(sql`${allianceMembers.leftOn} IS NOT NULL`, desc(sql`${allianceMembers.role} = 'lead'`), asc(allianceMembers.createdAt), asc(allianceMembers.id))),
    read('seats', () => ctx.db
      .select({
        s: allianceGovernanceSeats,
        orgName: sql<string | null>`${seatOrg.name}`.as('seat_org_name'),
        orgDomain: sql<OrgDomain | null>`${seatOrg.domain}`.as('seat_org_domain'),
      })
      .from(allianceGovernanceSeats)
      .leftJoin(seatOrg, eq(seatOrg.id, allianceGovernanceSeats.orgId))
      .where(eq(allianceGovernanceSeats.allianceId, at))
      .orderBy(asc(allianceGovernanceSeats.sortOrder))),
    read('documents', () => ctx.db
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
        originalSha256: allianceDocuments.originalSha256,
        originalSize: allianceDocuments.originalSize,
        originalType: allianceDocuments.originalType,
        originalName: allianceDocuments.originalName,
        originalAt: allianceDocuments.originalAt,
        originalBy: allianceDocuments.originalBy,
        version: allianceDocuments.version,
        createdAt: allianceDocuments.createdAt,
        updatedAt: allianceDocuments.updatedAt,
      })
      .from(allianceDocuments)
      .leftJoin(signerOrg, eq(signerOrg.id, allianceDocuments.signerOrgId))
      .where(eq(allianceDocuments.allianceId, at))
      .orderBy(asc(allianceDocuments.createdAt), asc(allianceDocuments.id))),
    read('adjustments', () => ctx.db.select().from(allianceAdjustments).where(eq(allianceAdjustments.allianceId, at)).orderBy(desc(allianceAdjustments.proposedAt), desc(allianceAdjustments.id))),
    read('events', () => ctx.db.select().from(allianceEvents).where(eq(allianceEvents.allianceId, at)).orderBy(asc(allianceEvents.id))),
    // Organizations that proposals name (a join, a new lead), for their summaries.
    read('proposed', () => ctx.db
      .select({ id: proposedOrg.id, name: proposedOrg.name })
      .from(proposedOrg)
      .where(sql`${proposedOrg.id} IN (SELECT json_extract(payload, '$.orgId') FROM alliance_adjustments WHERE alliance_id = ${at})`)),
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
        liaisonPartyMember: r.m.liaisonPartyMember,
        liaisonLapsed: r.liaisonLapsed === 1,
      })),
    seats: parts.seats.map((r) => ({ layer: r.s.layer, post: r.s.post, personName: r.s.personName, orgId: r.s.orgId, orgDomain: r.orgDomain })),
    documents: parts.documents.map((d) => ({ kind: d.kind, status: d.status, signerOrgId: d.signerOrgId })),
  };
}
