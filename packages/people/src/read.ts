import { and, count, eq, inArray, isNull, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { inList, type Ctx, type TenantDb } from '@ronghe/core';
import { orgIsWithin, orgJoin } from '@ronghe/registry/read';
import { memberReports, orgPairings, people, posts } from '@ronghe/schema';
import { complianceMembers, complianceOrgs } from './pairing/compliance.ts';
import { PAIRING_REQUIRED_DOMAINS } from './pairing/rules.ts';

// What other capabilities may read of the people registry (ADR 0010). The
// people capability owns `people` (and the 双报到 and 报到领岗 tables); every
// read of them from outside goes through this file. Nothing here returns a
// phone or an identity number: other capabilities never need them.

/** A person as other capabilities see them: no personal data. */
export interface PersonRef {
  id: string;
  name: string;
  kind: 'party_member' | 'volunteer';
  homeOrgId: string | null;
  inService: boolean;
  status: 'active' | 'left';
  userId: string | null;
}

const refColumns = {
  id: people.id,
  name: people.name,
  kind: people.kind,
  homeOrgId: people.homeOrgId,
  inService: people.inService,
  status: people.status,
  userId: people.userId,
};

/** The person a signed-in account is (role `member`'s self-service), or null when the account is nobody in this county's registry. */
export async function personOfUser(ctx: Ctx, userId: string): Promise<PersonRef | null> {
  const [row] = await ctx.db.select(refColumns).from(people).where(eq(people.userId, userId)).limit(1);
  return row ?? null;
}

/** People by id (any status), keyed by id; unknown ids are simply absent. */
export async function peopleById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db.select(refColumns).from(people).where(inList(people.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The active members whose home is this organization (a branch's roll). */
export async function activeMembersOf(ctx: Ctx, orgId: string): Promise<PersonRef[]> {
  return ctx.db.select(refColumns).from(people).where(and(eq(people.homeOrgId, orgId), eq(people.status, 'active')));
}

/** What an alliance member's liaison row takes from the person chosen (seed 000 11.1.2): name, phone and the organization path to check. */
export interface LiaisonCandidate {
  id: string;
  name: string;
  phone: string | null;
  kind: 'party_member' | 'volunteer';
  status: 'active' | 'left';
  homeOrgId: string | null;
  /** The home organization's materialized path (null without one). */
  homeOrgPath: string | null;
}

/**
 * A person as an alliance liaison candidate, or null when unknown in this
 * county. The phone travels because the liaison row records it (an alliance
 * reads a liaison's phone masked or in full by its own rules).
 */
export async function personForLiaison(ctx: Ctx, id: string): Promise<LiaisonCandidate | null> {
  const home = orgJoin('liaison_home');
  const [row] = await ctx.db
    .select({ ...refColumns, phone: people.phone, homeOrgPath: sql<string | null>`${home.path}`.as('liaison_home_path') })
    .from(people)
    .leftJoin(home, eq(home.id, people.homeOrgId))
    .where(eq(people.id, id))
    .limit(1);
  return row ? { id: row.id, name: row.name, phone: row.phone, kind: row.kind, status: row.status, homeOrgId: row.homeOrgId, homeOrgPath: row.homeOrgPath } : null;
}

/**
 * Seed 000 11.1.2's liaison rule as one SQL condition: the person `personId` is
 * an active party member whose home is the organization `orgId` or one under it.
 * A statement builder (ADR 0010) because the rule must hold inside the alliance's
 * write (a person leaving between the check and the write must not become the
 * liaison) and keep holding afterwards (a liaison who left or moved to another
 * branch lapses), which the alliance reads beside its member rows.
 */
export function isPartyMemberWithin(personId: SQL | AnyColumn | string, orgId: SQL | AnyColumn | string): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM people lp
    WHERE lp.id = ${personId} AND lp.status = 'active' AND lp.kind = 'party_member' AND ${orgIsWithin(sql`lp.home_org_id`, orgId)})`;
}

// ── 双报到 (lane: pairing) ──────────────────────────────────────────────────

/**
 * Seed 003 (克什克腾旗): the organizations that did not pair in `year`, or
 * whose members fell short of the county's standard, are not eligible for
 * 评先评优 that year. The assessment reads this; ids and standings only.
 */
export async function ineligibleOrgs(ctx: Ctx, year: number): Promise<Array<{ orgId: string; standing: 'unpaired' | 'short'; records: number }>> {
  const orgs = await complianceOrgs(ctx, year);
  return orgs.flatMap((o) => (o.eligible ? [] : [{ orgId: o.org.id, standing: o.standing as 'unpaired' | 'short', records: o.records }]));
}

/** Each in-service member's 双报到 standing in `year` (all of them, or `personIds`): reported, records, minutes, standing. No personal data. */
export async function memberCompliance(
  ctx: Ctx,
  year: number,
  personIds?: readonly string[],
): Promise<Array<{ personId: string; reported: boolean; records: number; minutes: number; standing: 'unreported' | 'short' | 'met' }>> {
  const members = await complianceMembers(ctx, year, personIds);
  return members.map((m) => ({ personId: m.person.id, reported: m.reported, records: m.records, minutes: m.minutes, standing: m.standing }));
}

/**
 * The county administrator's 工作台 reminder (issue 11b): in `year`, active in-service party
 * members with no community report live in the year, and organs (机关, which must pair) with no
 * pairing live in the year. Counts only, two statements in one round trip (the sidebar asks every
 * 30 s); NOT IN a subquery that SQLite builds once, not a probe per person (member_reports'
 * person index is partial, on live rows only).
 */
export async function pairingTodoCounts(ctx: Ctx, year: number): Promise<{ membersUnreported: number; orgsUnpaired: number }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const o = orgJoin('pairing_todo_org');
  const [members, orgs] = await ctx.db.batch([
    ctx.db
      .select({ n: count() })
      .from(people)
      .where(
        and(
          eq(people.kind, 'party_member'),
          eq(people.inService, true),
          eq(people.status, 'active'),
          notInArray(
            people.id,
            ctx.db
              .select({ id: memberReports.personId })
              .from(memberReports)
              .where(and(sql`${memberReports.reportedOn} <= ${to}`, or(isNull(memberReports.endedOn), sql`${memberReports.endedOn} >= ${from}`))),
          ),
        ),
      ),
    ctx.db
      .select({ n: count() })
      .from(o)
      .where(
        and(
          eq(o.status, 'active'),
          eq(o.isExternal, false),
          inArray(o.domain, [...PAIRING_REQUIRED_DOMAINS] as never[]),
          notInArray(
            o.id,
            ctx.db
              .select({ id: orgPairings.orgId })
              .from(orgPairings)
              .where(and(sql`${orgPairings.pairedOn} <= ${to}`, or(isNull(orgPairings.endedOn), sql`${orgPairings.endedOn} >= ${from}`))),
          ),
        ),
      ),
  ]);
  return { membersUnreported: Number(members[0]?.n ?? 0), orgsUnpaired: Number(orgs[0]?.n ?? 0) };
}

// ── 报到领岗 (lane: posts) ──────────────────────────────────────────────────

/**
 * What the 工作台's notifications consumer needs to tell a member about their post claim or
 * service record (events carry ids only): the post's title and the account the person signs in
 * with (null when none). Read from the database alone (no request context), in one round trip.
 */
export async function postNoticeFacts(db: TenantDb, postId: string, personId: string): Promise<{ postTitle: string; userId: string | null } | null> {
  const [[post], [person]] = await db.batch([
    db.select({ title: posts.title }).from(posts).where(eq(posts.id, postId)).limit(1),
    db.select({ userId: people.userId }).from(people).where(eq(people.id, personId)).limit(1),
  ]);
  return post && person ? { postTitle: post.title, userId: person.userId } : null;
}

/**
 * Issue 12 (annual alliance assessment): of the member organizations `orgIds`,
 * how many active party members have one of them as home branch, and how many
 * in-service members of theirs met the 双报到 standard in `year`. Counts only.
 */
export async function memberOrgFigures(ctx: Ctx, year: number, orgIds: readonly string[]): Promise<{ partyMembers: number; inService: number; reportMet: number }> {
  if (!orgIds.length) return { partyMembers: 0, inService: 0, reportMet: 0 };
  const [row, members] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(people)
      .where(and(inList(people.homeOrgId, [...orgIds]), eq(people.status, 'active'), sql`${people.partyStanding} IS NOT NULL`))
      .get(),
    complianceMembers(ctx, year),
  ]);
  const set = new Set(orgIds);
  const own = members.filter((m) => m.homeOrg && set.has(m.homeOrg.id));
  return { partyMembers: Number(row?.n ?? 0), inService: own.length, reportMet: own.filter((m) => m.standing === 'met').length };
}

// The city's rollup (issue 13): the people registry's figures (counts only).
export { peopleRollup } from './rollup.ts';
