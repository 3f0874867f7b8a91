import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { inBoundList, inList, preparedRead, runPreparedReads, type Ctx } from '@ronghe/core';
import { organizations, type Organization } from '@ronghe/schema';

// What other capabilities may read of the organization registry (ADR 0010).
// The registry owns the `organizations` table: every read of it from outside
// goes through this file, so a change to the table is a change here.

/**
 * The organizations table under an alias, for joining an organization's name
 * or path into another capability's read in the same statement (one D1 round
 * trip inside a batch). Reads only: nobody outside the registry writes it.
 */
export function orgJoin(name: string) {
  return alias(organizations, name);
}

/**
 * A condition for another capability's statement: the organization `orgId` is
 * `ancestorId` or lies under it (by its materialized path). A builder, not a
 * read, so the caller's rule can hold inside its own write.
 */
export function orgIsWithin(orgId: SQL | AnyColumn | string, ancestorId: SQL | AnyColumn | string): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM organizations wo WHERE wo.id = ${orgId} AND instr(wo.path, '/' || ${ancestorId} || '/') > 0)`;
}

/** Organizations by id (any status), keyed by id; unknown ids are simply absent. */
export async function organizationsById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, Organization>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db.select().from(organizations).where(inList(organizations.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Id and name of the organizations with these ids (one bound parameter, whatever the count). */
export async function orgNamesById(ctx: Ctx, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  if (!ids.length) return [];
  const { results } = await ctx.db.$client
    .prepare('SELECT id, name FROM organizations WHERE id IN (SELECT value FROM json_each(?))')
    .bind(JSON.stringify([...ids]))
    .all<{ id: string; name: string }>();
  return results;
}

/** A scalar subquery: the name of the organization whose id `id` evaluates to (for JSON aggregates in another capability's select). */
export function orgNameById(id: SQL): SQL<string | null> {
  return sql<string | null>`(SELECT name FROM ${organizations} WHERE id = ${id})`;
}

/**
 * A condition for another capability's statement: the organization `orgId`
 * carries the division code `code` or lies under one that does (a grid's
 * branch under its community's party organization). 群众点单 by place (ADR 0027).
 */
export function orgServesDivision(orgId: SQL | AnyColumn, code: string): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM organizations so JOIN organizations place ON place.division_code = ${code} WHERE so.id = ${orgId} AND (so.id = place.id OR instr(so.path, '/' || place.id || '/') > 0))`;
}

/** Organizations carrying one of these division codes, shallowest first (streets and communities are named after them). */
export async function orgsByDivisionCode(ctx: Ctx, codes: readonly string[]): Promise<Array<{ code: string | null; name: string }>> {
  if (!codes.length) return [];
  const [rows] = await runPreparedReads(ctx.db, [orgsByDivisionCodeRead(ctx, codes)]);
  return rows;
}

/**
 * The same read for a caller's batch (`runPreparedReads`): built once per
 * isolate, the codes bound as one JSON value (ADR 0032). Every list page and
 * board names its places through it.
 */
export function orgsByDivisionCodeRead(ctx: Ctx, codes: readonly string[]) {
  return preparedRead(
    ctx.db,
    'registry.orgsByDivisionCode',
    () =>
      ctx.db
        .select({ code: organizations.divisionCode, name: organizations.name })
        .from(organizations)
        .where(inBoundList(organizations.divisionCode, 'codes'))
        .orderBy(organizations.depth),
    { codes: JSON.stringify(codes) },
  );
}

/**
 * Organizations carrying a division code that `codes` selects (a subquery of the
 * caller's: its page's street and community codes), shallowest first, for the
 * caller's batch: the names travel with the page instead of a round trip after
 * it. `key` names the caller's shape and `values` are the caller's (ADR 0032).
 */
export function orgsByDivisionCodesOf(ctx: Ctx, key: string, codes: () => SQL, values: Record<string, unknown>) {
  return preparedRead(
    ctx.db,
    `registry.orgsByDivisionCodesOf:${key}`,
    () =>
      ctx.db
        .select({ code: organizations.divisionCode, name: organizations.name })
        .from(organizations)
        .where(sql`${organizations.divisionCode} IN (${codes()})`)
        .orderBy(organizations.depth),
    values,
  );
}

/** Active organizations with a street (9-digit) or community (12-digit) division code, by code then depth. */
export async function divisionOrgs(ctx: Ctx): Promise<Array<{ code: string | null; name: string }>> {
  return ctx.db
    .select({ code: organizations.divisionCode, name: organizations.name })
    .from(organizations)
    .where(sql`length(${organizations.divisionCode}) IN (9, 12) AND ${organizations.status} = 'active'`)
    .orderBy(organizations.divisionCode, organizations.depth);
}
export { readOrgOverview, type OrgOverview } from './read-overview.ts';
// What waits for someone in this capability (the 工作台's 待办, issue 9 §3), derived from current state.
export { liaisonOrgTodos, orgsWithin } from './todos.ts';

/**
 * Every active organization's id, name, division code and path: what an
 * import of another capability resolves "所属党组织" cells against (by id, by
 * code or by full name), in one read however many rows the file has.
 */
export async function activeOrgsForLookup(ctx: Ctx): Promise<Array<{ id: string; name: string; divisionCode: string | null; path: string }>> {
  return ctx.db
    .select({ id: organizations.id, name: organizations.name, divisionCode: organizations.divisionCode, path: organizations.path })
    .from(organizations)
    .where(sql`${organizations.status} = 'active'`);
}

/**
 * The organization's quality status (seed 004: 标准化规范化 / 最强党支部, with the year and the deciding body), as a
 * statement for the honours capability's own batch. A write builder, the one exception ADR 0010 allows for atomicity:
 * the county's 验收, a designation or its revocation and the status it gives the branch must land together or not at
 * all (a consumer would leave the registry saying one thing and the honours records another between the two). The
 * registry still writes its own SQL; the version moves so a registry edit read before this change is stale.
 */
export function setQualityStatusStatement(ctx: Ctx, orgId: string, status: Organization['qualityStatus'], year: number | null, designatedBy: string | null): SQL {
  return sql`UPDATE organizations SET quality_status = ${status}, quality_year = ${year}, quality_designated_by = ${designatedBy},
    version = version + 1, updated_at = ${ctx.clock.now()} WHERE id = ${orgId}`;
}

/** A branch as a reward round weighs it (issue 12): its quality status (seed 004) and the 软弱涣散 flag. */
export interface BranchStanding {
  id: string;
  name: string;
  qualityStatus: (typeof organizations.$inferSelect)['qualityStatus'];
  qualityYear: number | null;
  weakFlag: boolean;
}

/** Every active party branch (党支部 and 联合党支部) of the county with its standing, in one read. */
export async function branchStandings(ctx: Ctx): Promise<BranchStanding[]> {
  return ctx.db
    .select({ id: organizations.id, name: organizations.name, qualityStatus: organizations.qualityStatus, qualityYear: organizations.qualityYear, weakFlag: organizations.weakFlag })
    .from(organizations)
    .where(sql`${organizations.status} = 'active' AND ${organizations.kind} IN ('党支部', '联合党支部')`)
    .orderBy(organizations.id);
}

// The city's rollup (issue 13): the registry's figures, and the organs other capabilities count.
export { activeOrgIdsInDomainsSql, registryRollup } from './rollup.ts';
