// 双报到 rules, pure (no database), shared by the server and the demo data
// generator (packages/demo-data/src/pairing.ts checks its rows with them).
// Seed 002 (十六): 机关、企事业单位党组织 and 在职党员 report to a community.
// Seed 003 (双报到结对互动): every organ pairs with at least one community, every
// in-service member reports to at least one; 克什克腾旗: an organization that does
// not report, or falls short, loses 评先评优 eligibility for the year.

type Domain = string;

/** Domains whose party organizations report to a community as organizations (机关、企事业单位; seed 002 also encourages 社会组织). */
export const PAIRING_ORG_DOMAINS: readonly Domain[] = ['机关', '事业单位', '国有企业', '非公有制企业', '互联网企业', '学校', '医院', '社会组织'];

/** Domains that MUST pair (seed 003: "每个机关单位至少联系 1 个社区"): the county's table of organs not paired lists these. */
export const PAIRING_REQUIRED_DOMAINS: readonly Domain[] = ['机关'];

/** A community party organization: the registry files it under the domain 社区. */
export function isCommunity(org: { domain: Domain; isExternal?: boolean }): boolean {
  return org.domain === '社区' && !org.isExternal;
}

/** Whether an organization may pair with a community as a reporting organization. */
export function isReportingOrg(org: { domain: Domain; isExternal?: boolean }): boolean {
  return PAIRING_ORG_DOMAINS.includes(org.domain) && !org.isExternal;
}

/** Whether an organization is expected to pair (an organ): it appears in the compliance table even when it has not. */
export function mustPair(org: { domain: Domain; isExternal?: boolean; status?: string }): boolean {
  return PAIRING_REQUIRED_DOMAINS.includes(org.domain) && !org.isExternal && (org.status ?? 'active') === 'active';
}

/** A person who reports individually: an active in-service party member (在职党员). */
export function mayReport(p: { kind: string; inService: boolean; status: string }): boolean {
  return p.kind === 'party_member' && p.inService && p.status === 'active';
}

export interface Standard {
  year: number;
  memberMinRecords: number;
  memberMinMinutes: number;
  orgMinRecords: number;
}

/**
 * The standard when the county has set none for the year. The seeds give no
 * numbers; these follow common 双报到 practice: each in-service member serves
 * the community at least twice a year for at least four hours in all, and an
 * organization's members together at least four times (once a quarter).
 */
export function defaultStandard(year: number): Standard {
  return { year, memberMinRecords: 2, memberMinMinutes: 240, orgMinRecords: 4 };
}

/** Longest single service entry: one day. */
export const MAX_RECORD_MINUTES = 1440;

export type MemberStanding = 'unreported' | 'short' | 'met';
export type OrgStanding = 'unpaired' | 'short' | 'met';

/** A member's standing for the year: reported at all, then records and minutes against the standard. */
export function memberStanding(f: { reported: boolean; records: number; minutes: number }, s: Standard): MemberStanding {
  if (!f.reported) return 'unreported';
  return f.records >= s.memberMinRecords && f.minutes >= s.memberMinMinutes ? 'met' : 'short';
}

/** An organization's standing for the year: paired in the year, then its members' records against the standard. */
export function orgStanding(f: { paired: boolean; records: number }, s: Standard): OrgStanding {
  if (!f.paired) return 'unpaired';
  return f.records >= s.orgMinRecords ? 'met' : 'short';
}

/** Seed 003 克什克腾旗: not reported or short → not eligible for 评先评优 that year. */
export function orgEligible(standing: OrgStanding): boolean {
  return standing === 'met';
}

/** Whether a pairing (or a member report) counted during `year`: begun by its end, not ended before its start. */
export function liveInYear(r: { since: string; endedOn: string | null }, year: number): boolean {
  return r.since <= `${year}-12-31` && (r.endedOn === null || r.endedOn >= `${year}-01-01`);
}

export const MEMBER_STANDING_LABELS: Record<MemberStanding, string> = { unreported: '未报到', short: '未达标', met: '达标' };
export const ORG_STANDING_LABELS: Record<OrgStanding, string> = { unpaired: '未结对', short: '未达标', met: '达标' };
