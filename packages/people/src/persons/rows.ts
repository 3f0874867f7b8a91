import { eq, sql, type SQL } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { allows } from '@ronghe/identity';
import { orgJoin } from '@ronghe/registry/read';
import { people, type Person } from '@ronghe/schema';

/** A person with their home organization's name and materialized path (the scope checks look at the path). */
export type PersonRow = Person & { homeOrgName: string | null; homeOrgPath: string | null };

const home = orgJoin('home_org');

/** The select every person read starts from: the person joined with their home organization. */
export function personSelect(ctx: Ctx) {
  return ctx.db
    .select({
      person: people,
      // Aliased: D1 returns columns by name, and the organization's `name` would shadow the person's.
      homeOrgName: sql<string | null>`${home.name}`.as('home_org_name'),
      homeOrgPath: sql<string | null>`${home.path}`.as('home_org_path'),
    })
    .from(people)
    .leftJoin(home, eq(home.id, people.homeOrgId));
}

export function flatten(r: { person: Person; homeOrgName: string | null; homeOrgPath: string | null }): PersonRow {
  return { ...r.person, homeOrgName: r.homeOrgName, homeOrgPath: r.homeOrgPath };
}

/** Where a person sits for the scoped grants: their home organization (a volunteer without one is the county's). */
export function personTarget(row: { homeOrgId: string | null; homeOrgPath: string | null }) {
  return row.homeOrgId ? { orgId: row.homeOrgId, orgPath: row.homeOrgPath ?? undefined } : {};
}

/**
 * The people an actor may read, as a condition: everyone for a county-wide
 * grant; otherwise the people whose home organization is the grant's own
 * (secretary, liaison) or lies under it (committee reviewer). Null: no limit.
 */
export function readScope(ctx: Ctx): SQL | null {
  if (allows(ctx.actor, 'person.read', {})) return null;
  const parts: SQL[] = [];
  for (const g of ctx.actor.grants) {
    if (!g.scopeOrgId) continue;
    if (g.role === 'committee_reviewer') parts.push(sql`instr(${home.path}, ${`/${g.scopeOrgId}/`}) > 0`);
    if (g.role === 'alliance_admin' || g.role === 'org_liaison') parts.push(eq(people.homeOrgId, g.scopeOrgId));
  }
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`0`;
}

/** One person the actor may read; a person of another county, or outside the actor's scope, is 404. */
export async function findPersonRow(ctx: Ctx, id: string): Promise<PersonRow> {
  const [row] = await personSelect(ctx).where(eq(people.id, id)).limit(1);
  const person = row ? flatten(row) : null;
  if (!person || !allows(ctx.actor, 'person.read', personTarget(person))) throw new AppError('not_found', '人员不存在');
  return person;
}

export const homeOrgAlias = home;
