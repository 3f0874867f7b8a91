import { and, asc, eq, isNull, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { inList, type Ctx, type TenantDb } from '@ronghe/core';
import { orgJoin, orgServesDivision } from '@ronghe/registry/read';
import { allianceMembers, alliances, filings, type AllianceStatus } from '@ronghe/schema';

// What other capabilities may read of 党建联合体 (ADR 0010). The alliance
// capability owns `alliances` and `alliance_*`; every read of them from outside
// goes through this file. Functions that return a query (not a promise) exist
// so a caller can put the read in its own `ctx.db.batch` (one round trip).

/** What another capability needs to know about an alliance: its name, state and the organizations scopes look at. */
export interface AllianceRef {
  id: string;
  name: string;
  status: AllianceStatus;
  leadOrgId: string;
  committeeOrgId: string;
  committeePath: string;
}

/**
 * The join that gives a row of another capability its alliance's scope
 * (the alliance, and its approving committee's path), in the same statement:
 * `.innerJoin(s.alliances, s.on(needs.allianceId)).innerJoin(s.committee, s.committeeOn)`
 * with `...s.columns` in the select. `committeeAlias` must be unique in the query.
 */
export function allianceScopeJoin(committeeAlias: string) {
  const committee = orgJoin(committeeAlias);
  return {
    alliances,
    committee,
    on: (allianceId: AnyColumn) => eq(alliances.id, allianceId),
    committeeOn: eq(committee.id, alliances.committeeOrgId),
    columns: allianceScopeColumns(committee),
  };
}

function allianceScopeColumns(committee: { path: AnyColumn }) {
  return {
    allianceName: sql<string>`${alliances.name}`.as('alliance_name'),
    allianceStatus: sql<string>`${alliances.status}`.as('alliance_status'),
    leadOrgId: sql<string>`${alliances.leadOrgId}`.as('lead_org_id'),
    committeeOrgId: sql<string>`${alliances.committeeOrgId}`.as('committee_org_id'),
    committeePath: sql<string>`${committee.path}`.as('committee_path'),
  };
}

/**
 * A filter for another capability's rows: their alliance is not dissolved.
 * Boards and to-dos never show a dissolved alliance's work (ADR 0016), even
 * rows left open by a dissolution decided before open work was settled.
 */
export function allianceNotDissolved(allianceId: AnyColumn): SQL {
  return sql`${allianceId} NOT IN (SELECT id FROM alliances WHERE status = 'dissolved')`;
}

/**
 * A filter for another capability's rows: their alliance is in one of these
 * states (the public API shows only the work of alliances third parties may see).
 */
export function allianceStatusIn(allianceId: AnyColumn, statuses: readonly AllianceStatus[]): SQL {
  return sql`${allianceId} IN (SELECT id FROM alliances WHERE status IN (SELECT value FROM json_each(${JSON.stringify(statuses)})))`;
}

/**
 * A guard for another capability's write batch: the alliance is still in one of
 * these states when the batch runs. A read before the write is not enough — the
 * alliance may be suspended or dissolved between the two round trips — so the
 * write checks it again atomically: `auditGuarded(ctx, entry, allianceInStatus(…))`
 * aborts the whole batch when the condition is false.
 */
export function allianceInStatus(allianceId: string, statuses: readonly AllianceStatus[]): SQL {
  return sql`EXISTS (SELECT 1 FROM alliances WHERE id = ${allianceId} AND status IN (SELECT value FROM json_each(${JSON.stringify(statuses)})))`;
}

/** Every alliance of the tenant as a ref, as a query for the caller's batch. */
export function allAllianceRefsQuery(ctx: Ctx, committeeAlias = 'mine_committee') {
  const committee = orgJoin(committeeAlias);
  return ctx.db
    .select({ id: alliances.id, name: alliances.name, status: alliances.status, leadOrgId: alliances.leadOrgId, committeeOrgId: alliances.committeeOrgId, committeePath: committee.path })
    .from(alliances)
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId));
}

/** The columns of an AllianceRef, with the committee joined as `committee`. */
function allianceRefColumns(committee: ReturnType<typeof orgJoin>) {
  return {
    id: alliances.id,
    name: alliances.name,
    status: alliances.status,
    leadOrgId: alliances.leadOrgId,
    committeeOrgId: alliances.committeeOrgId,
    committeePath: sql<string>`${committee.path}`.as('committee_path'),
  };
}

/** Alliances by id, as refs; unknown ids are absent. */
export async function loadAllianceRefs(ctx: Ctx, ids: readonly string[]): Promise<Map<string, AllianceRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const committee = orgJoin('committee');
  const rows = await ctx.db
    .select(allianceRefColumns(committee))
    .from(alliances)
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId))
    .where(inList(alliances.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * 群众点单 by place (ADR 0027): the alliances in one of `statuses` that serve a
 * community — one of their current member organizations is the community's own
 * party organization (it carries the 12-digit division code) or lies under it
 * (a grid's branch). Those the community's organization leads come first, then
 * by the alliances' order.
 */
export async function alliancesServingCommunity(ctx: Ctx, communityCode: string, statuses: readonly AllianceStatus[]): Promise<AllianceRef[]> {
  const committee = orgJoin('serving_committee');
  const rows = await ctx.db
    .selectDistinct({
      ...allianceRefColumns(committee),
      leads: sql<number>`MAX(CASE WHEN ${alliances.leadOrgId} = ${allianceMembers.orgId} THEN 1 ELSE 0 END)`.as('leads'),
      sortKey: alliances.sortKey,
    })
    .from(allianceMembers)
    .innerJoin(alliances, eq(alliances.id, allianceMembers.allianceId))
    .innerJoin(committee, eq(committee.id, alliances.committeeOrgId))
    .where(
      and(
        isNull(allianceMembers.leftOn),
        inList(alliances.status, statuses),
        orgServesDivision(allianceMembers.orgId, communityCode),
      ),
    )
    .groupBy(alliances.id)
    .orderBy(sql`leads DESC`, asc(alliances.sortKey), asc(alliances.id));
  return rows.map(({ leads: _l, sortKey: _s, ...ref }) => ref);
}

/** Current member organizations of an alliance (open membership periods). */
export async function currentMemberIds(ctx: Ctx, allianceId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ orgId: allianceMembers.orgId })
    .from(allianceMembers)
    .where(and(eq(allianceMembers.allianceId, allianceId), isNull(allianceMembers.leftOn)));
  return new Set(rows.map((r) => r.orgId));
}

/**
 * Current members (organization id and name) of the alliance `allianceId`
 * evaluates to, in joining order, as a query for the caller's batch
 * (the project detail reads them with the project in one round trip).
 */
export function currentMembersQuery(ctx: Ctx, allianceId: SQL) {
  const memberOrg = orgJoin('member_org');
  return ctx.db
    .select({ orgId: allianceMembers.orgId, name: sql<string>`${memberOrg.name}`.as('member_org_name') })
    .from(allianceMembers)
    .innerJoin(memberOrg, eq(memberOrg.id, allianceMembers.orgId))
    .where(and(sql`${allianceMembers.allianceId} = ${allianceId}`, isNull(allianceMembers.leftOn)))
    .orderBy(asc(allianceMembers.createdAt));
}

/** Names of up to `limit` alliances this organization leads that are not dissolved (the registry keeps such a lead in use). */
export async function liveAlliancesLedBy(ctx: Ctx, orgId: string, limit: number): Promise<string[]> {
  const rows = await ctx.db
    .select({ name: alliances.name })
    .from(alliances)
    .where(and(eq(alliances.leadOrgId, orgId), ne(alliances.status, 'dissolved')))
    .limit(limit);
  return rows.map((r) => r.name);
}
// What waits for someone in this capability (the 工作台's 待办, issue 9 §3), derived from current state.
export { cityFilingTodos } from './city-filings/list.ts';
export { allianceAdminTodos, allianceFigures, alliancesApprovedBy, alliancesLedBy, alliancesWithMembers, committeeOrgIdsInUse, countyAllianceTodos, liaisonAllianceTodos, reviewerTodos } from './todos.ts';

/** What a reader outside needs to name an alliance and find its people: its name, lead and approving committee. */
export interface AllianceFacts {
  id: string;
  name: string;
  leadOrgId: string;
  committeeOrgId: string;
}

/**
 * An alliance's current facts, or null when it does not exist. Takes a bare
 * database (no request context): the 工作台's notifications consumer reads it
 * when an event is handled, since events carry ids only.
 */
export async function allianceFacts(db: TenantDb, id: string): Promise<AllianceFacts | null> {
  const row = await db
    .select({ id: alliances.id, name: alliances.name, leadOrgId: alliances.leadOrgId, committeeOrgId: alliances.committeeOrgId })
    .from(alliances)
    .where(eq(alliances.id, id))
    .get();
  return row ?? null;
}

/** Which alliance a filing is about, and how many of that alliance's filings still await the county's signature. */
export interface FilingFacts {
  allianceId: string;
  unsignedLeft: number;
}

/**
 * A filing's facts, or null when it does not exist. Bare database, as
 * `allianceFacts`: the 工作台 reads it when a signature's event is handled, to
 * clear the 新的备案待签收 message once nothing of the alliance awaits signing.
 */
export async function filingFacts(db: TenantDb, filingId: string): Promise<FilingFacts | null> {
  // One round trip: the filing's alliance and, beside it, how many of that alliance's filings wait unsigned.
  const row = await db
    .select({
      allianceId: filings.allianceId,
      unsignedLeft: sql<number>`(SELECT count(*) FROM filings AS f WHERE f.alliance_id = ${filings.allianceId} AND f.county_state = 'unread')`,
    })
    .from(filings)
    .where(eq(filings.id, filingId))
    .get();
  return row ? { allianceId: row.allianceId, unsignedLeft: Number(row.unsignedLeft) } : null;
}

/**
 * "一方隶属、多方共管" (issue 11): the alliances an organization is a current
 * member of (lead included), not dissolved, by name — a member's places of
 * activity on their own page.
 */
export async function currentMembershipsOf(ctx: Ctx, orgId: string): Promise<Array<{ id: string; name: string; status: AllianceStatus; role: string }>> {
  return ctx.db
    .select({ id: alliances.id, name: alliances.name, status: alliances.status, role: allianceMembers.role })
    .from(allianceMembers)
    .innerJoin(alliances, eq(alliances.id, allianceMembers.allianceId))
    .where(and(eq(allianceMembers.orgId, orgId), isNull(allianceMembers.leftOn), ne(alliances.status, 'dissolved')))
    .orderBy(asc(alliances.sortKey));
}

/**
 * Every current membership (alliance, member organization) of the county's
 * alliances that are not dissolved: the points leaderboard sums its branch
 * totals over them (issue 11, packages/points/src/boards/leaderboard.ts).
 */
export async function currentMemberships(ctx: Ctx): Promise<Array<{ allianceId: string; orgId: string }>> {
  return ctx.db
    .select({ allianceId: allianceMembers.allianceId, orgId: allianceMembers.orgId })
    .from(allianceMembers)
    .innerJoin(alliances, eq(alliances.id, allianceMembers.allianceId))
    .where(and(isNull(allianceMembers.leftOn), ne(alliances.status, 'dissolved')));
}

/**
 * Issue 12: the 备案 (to the county and the city) another capability's decision
 * leaves, as a statement for that capability's own write batch — the annual
 * assessment files its result (kind 'assessment') in the same batch as the
 * result, so there is never a result without its filing or the reverse.
 */
export { filingInsert as filingStatement } from './filings/insert.ts';

/**
 * Current member organizations of an alliance with their 出资比例 (basis points
 * of 10,000; seed 003 mechanism 5), in joining order: the funds capability
 * splits a contribution call (各方筹) by them.
 */
export async function memberContributions(ctx: Ctx, allianceId: string): Promise<Array<{ orgId: string; name: string; contributionBp: number }>> {
  const memberOrg = orgJoin('contribution_org');
  return ctx.db
    .select({ orgId: allianceMembers.orgId, name: sql<string>`${memberOrg.name}`.as('contribution_org_name'), contributionBp: allianceMembers.contributionBp })
    .from(allianceMembers)
    .innerJoin(memberOrg, eq(memberOrg.id, allianceMembers.orgId))
    .where(and(eq(allianceMembers.allianceId, allianceId), isNull(allianceMembers.leftOn)))
    .orderBy(asc(allianceMembers.createdAt), asc(allianceMembers.orgId));
}

/**
 * The states of a founded alliance that still runs (established, active,
 * rectifying): the ones that hold activities, keep books, are assessed and
 * rewarded. One list, so those capabilities cannot drift apart.
 */
export { FOUNDED } from './alliances/list.ts';

// The city's rollup (issue 13): the alliance capability's figures, the drill-down rows, and the running alliances for others' aggregates.
export { allianceRollup, allianceSummariesStatement, runningAllianceIdsSql } from './rollup.ts';

// The public API (issue 14): 红色片区 with their alliances and routes.
export { listRedDistricts } from './red/district-list.ts';
