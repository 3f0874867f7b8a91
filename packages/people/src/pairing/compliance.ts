import { and, count, eq, inArray, or, sql, sum } from 'drizzle-orm';
import { inList, type Ctx } from '@ronghe/core';
import { orgJoin } from '@ronghe/registry/read';
import { memberReports, orgPairings, people, reportRecords, type ComplianceQuery, type ComplianceView, type MemberComplianceView, type OrgComplianceView } from '@ronghe/schema';
import { getPairingStandard } from './standard.ts';
import { memberStanding, orgEligible, orgStanding, PAIRING_ORG_DOMAINS, PAIRING_REQUIRED_DOMAINS, type Standard } from './rules.ts';

const org = orgJoin('compliance_org');
const community = orgJoin('compliance_community');
const home = orgJoin('compliance_home');

/** A pairing or report counted in `year`: begun by its end, not ended before its start (rules.ts `liveInYear`, in SQL). */
const liveIn = (since: typeof orgPairings.pairedOn | typeof memberReports.reportedOn, ended: typeof orgPairings.endedOn | typeof memberReports.endedOn, year: number) =>
  and(sql`${since} <= ${`${year}-12-31`}`, or(sql`${ended} IS NULL`, sql`${ended} >= ${`${year}-01-01`}`));

export interface ComplianceTables {
  standard: Standard & { isSet: boolean; version: number };
  orgs: OrgComplianceView[];
  members: MemberComplianceView[];
}

type YearStandard = ComplianceTables['standard'];

// The organizations' table: every organization that must pair (机关) or has paired, and its pairings and records in the year.
const orgReads = (ctx: Ctx, year: number) =>
  [
    ctx.db
      .select({ id: org.id, name: org.name, domain: org.domain })
      .from(org)
      .where(
        and(
          eq(org.status, 'active'),
          eq(org.isExternal, false),
          or(
            inArray(org.domain, [...PAIRING_REQUIRED_DOMAINS] as never[]),
            and(inArray(org.domain, [...PAIRING_ORG_DOMAINS] as never[]), sql`EXISTS (SELECT 1 FROM org_pairings p WHERE p.org_id = ${org.id})`),
          ),
        ),
      )
      .orderBy(org.sortKey, org.id),
    ctx.db
      .select({ orgId: orgPairings.orgId, id: community.id, name: community.name })
      .from(orgPairings)
      .innerJoin(community, eq(community.id, orgPairings.communityOrgId))
      .where(liveIn(orgPairings.pairedOn, orgPairings.endedOn, year)),
    ctx.db
      .select({ orgId: people.homeOrgId, n: count() })
      .from(reportRecords)
      .innerJoin(people, eq(people.id, reportRecords.personId))
      .where(eq(reportRecords.year, year))
      .groupBy(people.homeOrgId),
  ] as const;

// The members' table: every active in-service party member (or only `personIds`), their reports and records in the year.
const memberReads = (ctx: Ctx, year: number, personIds?: readonly string[]) =>
  [
    ctx.db
      .select({ id: people.id, name: people.name, homeOrgId: people.homeOrgId, homeName: sql<string | null>`${home.name}`.as('compliance_home_name') })
      .from(people)
      .leftJoin(home, eq(home.id, people.homeOrgId))
      .where(and(eq(people.kind, 'party_member'), eq(people.inService, true), eq(people.status, 'active'), personIds ? inList(people.id, [...personIds]) : undefined))
      .orderBy(people.sortKey, people.id),
    ctx.db
      .select({ personId: memberReports.personId, id: community.id, name: community.name })
      .from(memberReports)
      .innerJoin(community, eq(community.id, memberReports.communityOrgId))
      .where(and(liveIn(memberReports.reportedOn, memberReports.endedOn, year), personIds ? inList(memberReports.personId, [...personIds]) : undefined)),
    ctx.db
      .select({ personId: reportRecords.personId, n: count(), minutes: sum(reportRecords.minutes) })
      .from(reportRecords)
      .where(and(eq(reportRecords.year, year), personIds ? inList(reportRecords.personId, [...personIds]) : undefined))
      .groupBy(reportRecords.personId),
  ] as const;

type Rows<Q extends readonly unknown[]> = { [K in keyof Q]: Awaited<Q[K]> };

function orgTable([orgRows, pairingRows, orgRecordRows]: Rows<ReturnType<typeof orgReads>>, standard: YearStandard): OrgComplianceView[] {
  const communitiesOfOrg = groupBy(pairingRows.map((r) => [r.orgId, r] as const));
  const orgRecords = new Map(orgRecordRows.map((r) => [r.orgId, r.n]));
  return orgRows.map((o): OrgComplianceView => {
    const communities = communitiesOfOrg.get(o.id) ?? [];
    const records = orgRecords.get(o.id) ?? 0;
    const standing = orgStanding({ paired: communities.length > 0, records }, standard);
    return { org: { id: o.id, name: o.name }, domain: o.domain, paired: communities.length > 0, communities, records, standing, eligible: orgEligible(standing) };
  });
}

function memberTable([memberRows, reportRows, memberRecordRows]: Rows<ReturnType<typeof memberReads>>, standard: YearStandard): MemberComplianceView[] {
  const communitiesOfPerson = groupBy(reportRows.map((r) => [r.personId, r] as const));
  const personRecords = new Map(memberRecordRows.map((r) => [r.personId, { n: r.n, minutes: Number(r.minutes ?? 0) }]));
  return memberRows.map((p): MemberComplianceView => {
    const communities = communitiesOfPerson.get(p.id) ?? [];
    const r = personRecords.get(p.id) ?? { n: 0, minutes: 0 };
    return {
      person: { id: p.id, name: p.name },
      homeOrg: p.homeOrgId ? { id: p.homeOrgId, name: p.homeName ?? '' } : null,
      reported: communities.length > 0,
      communities,
      records: r.n,
      minutes: r.minutes,
      standing: memberStanding({ reported: communities.length > 0, records: r.n, minutes: r.minutes }, standard),
    };
  });
}

/**
 * Both tables (the dashboard and its export): every organization that must
 * pair (机关) or has paired, and every active in-service party member, with the
 * year's standing. Six reads in one D1 round trip; a county has a few hundred
 * organs and a few thousand in-service members, so the tables are joined here.
 */
export async function complianceTables(ctx: Ctx, year: number): Promise<ComplianceTables> {
  const standard = await getPairingStandard({ ctx, input: { year } });
  const [o1, o2, o3, m1, m2, m3] = await ctx.db.batch([...orgReads(ctx, year), ...memberReads(ctx, year)]);
  return { standard, orgs: orgTable([o1, o2, o3], standard), members: memberTable([m1, m2, m3], standard) };
}

/** The organizations' table alone (the assessment's 评先评优 eligibility reads no member). */
export async function complianceOrgs(ctx: Ctx, year: number): Promise<OrgComplianceView[]> {
  const standard = await getPairingStandard({ ctx, input: { year } });
  return orgTable(await ctx.db.batch(orgReads(ctx, year)), standard);
}

/** The members' table alone, for all in-service members or only `personIds` (reads no organization). */
export async function complianceMembers(ctx: Ctx, year: number, personIds?: readonly string[]): Promise<MemberComplianceView[]> {
  const standard = await getPairingStandard({ ctx, input: { year } });
  return memberTable(await ctx.db.batch(memberReads(ctx, year, personIds)), standard);
}

/** The compliance dashboard: county summary counts, and both tables filtered and paged. */
export async function pairingCompliance({ ctx, input }: { ctx: Ctx; input: ComplianceQuery }): Promise<ComplianceView> {
  const t = await complianceTables(ctx, input.year);
  const limit = input.limit ?? 20;
  const orgs = input.orgStanding ? t.orgs.filter((o) => o.standing === input.orgStanding) : t.orgs;
  const members = input.memberStanding ? t.members.filter((m) => m.standing === input.memberStanding) : t.members;
  const orgOffset = input.orgOffset ?? 0;
  const memberOffset = input.memberOffset ?? 0;
  return {
    year: input.year,
    standard: t.standard,
    summary: {
      orgs: t.orgs.length,
      orgsUnpaired: t.orgs.filter((o) => o.standing === 'unpaired').length,
      orgsShort: t.orgs.filter((o) => o.standing === 'short').length,
      orgsIneligible: t.orgs.filter((o) => !o.eligible).length,
      members: t.members.length,
      membersUnreported: t.members.filter((m) => m.standing === 'unreported').length,
      membersShort: t.members.filter((m) => m.standing === 'short').length,
    },
    orgs: { items: orgs.slice(orgOffset, orgOffset + limit), total: orgs.length },
    members: { items: members.slice(memberOffset, memberOffset + limit), total: members.length },
  };
}

/** Named refs grouped by owner, each once (a pair ended and renewed in one year counts once). */
function groupBy(rows: ReadonlyArray<readonly [string, { id: string; name: string }]>): Map<string, Array<{ id: string; name: string }>> {
  const m = new Map<string, Array<{ id: string; name: string }>>();
  for (const [k, r] of rows) {
    const list = m.get(k) ?? [];
    if (!list.some((x) => x.id === r.id)) list.push({ id: r.id, name: r.name });
    m.set(k, list);
  }
  return m;
}
