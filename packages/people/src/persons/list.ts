import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor, PAGE_SIZE_DEFAULT, textContains, type Ctx } from '@ronghe/core';
import { people, type PersonListQuery } from '@ronghe/schema';
import { flatten, homeOrgAlias, personSelect, readScope, type PersonRow } from './rows.ts';

export function filterConditions(ctx: Ctx, q: Omit<PersonListQuery, 'cursor' | 'limit'>): SQL[] {
  const where: SQL[] = [];
  const scope = readScope(ctx);
  if (scope) where.push(scope);
  const status = q.status ?? 'active';
  if (status !== 'all') where.push(eq(people.status, status));
  if (q.kind) where.push(eq(people.kind, q.kind));
  if (q.partyStanding) where.push(eq(people.partyStanding, q.partyStanding));
  if (q.homeOrgId) {
    // With subtree: the organization and everything under it; an unknown (or foreign) one matches nothing.
    where.push(q.subtree === 'true' ? sql`instr(${homeOrgAlias.path}, ${`/${q.homeOrgId}/`}) > 0` : eq(people.homeOrgId, q.homeOrgId));
  }
  if (q.inService) where.push(eq(people.inService, q.inService === 'true'));
  if (q.skill) where.push(sql`EXISTS (SELECT 1 FROM json_each(${people.skills}) WHERE value = ${q.skill})`);
  // Names are short: instr() over the name (no pattern, so no pattern-length limit; the schema caps the query at 50 characters).
  if (q.q) where.push(textContains(people.name, q.q));
  return where;
}

export interface PersonPage {
  rows: PersonRow[];
  nextCursor: string | null;
  total: number;
}

/** In pinyin order (ADR 0018): keyset pagination over (sort_key, id). */
export async function listPersonRows(ctx: Ctx, q: PersonListQuery): Promise<PersonPage> {
  const limit = q.limit ?? PAGE_SIZE_DEFAULT;
  const where = filterConditions(ctx, q);
  const pageWhere = [...where];
  if (q.cursor) {
    const [key, id] = decodeCursor(q.cursor, 2) as [string, string];
    pageWhere.push(or(gt(people.sortKey, String(key)), and(eq(people.sortKey, String(key)), gt(people.id, String(id))))!);
  }
  const [rows, totals] = await ctx.db.batch([
    personSelect(ctx)
      .where(and(...pageWhere))
      .orderBy(asc(people.sortKey), asc(people.id))
      .limit(limit + 1),
    ctx.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(people)
      .leftJoin(homeOrgAlias, eq(homeOrgAlias.id, people.homeOrgId))
      .where(and(...where)),
  ]);
  const more = rows.length > limit;
  const page = rows.slice(0, limit).map(flatten);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor([last.sortKey, last.id]) : null, total: totals[0]?.n ?? 0 };
}

/** Every matching row, in pinyin order, for export. */
export async function allPersonRows(ctx: Ctx, q: Omit<PersonListQuery, 'cursor' | 'limit'>): Promise<PersonRow[]> {
  const rows = await personSelect(ctx)
    .where(and(...filterConditions(ctx, q)))
    .orderBy(asc(people.sortKey), asc(people.id));
  return rows.map(flatten);
}
