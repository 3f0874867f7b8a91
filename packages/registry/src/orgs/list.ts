import { and, asc, eq, gt, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor, nameContains, PAGE_SIZE_DEFAULT, textContains, type Ctx } from '@ronghe/core';
import { APPROVING_COMMITTEE_DOMAINS, APPROVING_COMMITTEE_KINDS, organizations, type OrgListQuery } from '@ronghe/schema';
import type { OrgRow } from './view.ts';
import { rowSelect, flatten } from './rows.ts';

export async function filterConditions(ctx: Ctx, q: Omit<OrgListQuery, 'cursor' | 'limit'>): Promise<SQL[]> {
  const where: SQL[] = [];
  const status = q.status ?? 'active';
  if (status !== 'all') where.push(eq(organizations.status, status));
  if (q.kind) where.push(eq(organizations.kind, q.kind));
  if (q.domain) where.push(eq(organizations.domain, q.domain));
  if (q.qualityStatus) where.push(eq(organizations.qualityStatus, q.qualityStatus));
  if (q.weakFlag) where.push(eq(organizations.weakFlag, q.weakFlag === 'true'));
  if (q.parentId) where.push(eq(organizations.parentId, q.parentId));
  if (q.under) {
    // An unknown (or foreign) root simply matches nothing.
    where.push(sql`instr(${organizations.path}, ${`/${q.under}/`}) > 0`);
  }
  if (q.external) where.push(eq(organizations.isExternal, q.external === 'true'));
  if (q.committeeFor) {
    // The committees that may approve an alliance this organization leads (seed 000 7.1):
    // ancestors on its path, of a committee kind and domain, never external. An unknown
    // (or foreign) organization has no path here, so nothing matches.
    const leadPath = sql`(SELECT o2.path FROM organizations o2 WHERE o2.id = ${q.committeeFor})`;
    where.push(
      sql`instr(${leadPath}, '/' || ${organizations.id} || '/') > 0`,
      ne(organizations.id, q.committeeFor),
      eq(organizations.isExternal, false),
      inArray(organizations.kind, [...APPROVING_COMMITTEE_KINDS]),
      inArray(organizations.domain, [...APPROVING_COMMITTEE_DOMAINS]),
    );
  }
  if (q.q) {
    // Any length (ADR 0014): the name through its trigram index, the rest by instr().
    where.push(
      or(
        nameContains('organizations', organizations, organizations.name, q.q),
        textContains(organizations.secretaryName, q.q),
        textContains(organizations.divisionCode, q.q),
      )!,
    );
  }
  return where;
}

export interface OrgPage {
  rows: OrgRow[];
  nextCursor: string | null;
  total: number;
}

/** In pinyin order (ADR 0018): keyset pagination over (sort_key, id), stable under inserts, no OFFSET scans. */
export async function listOrgRows(ctx: Ctx, q: OrgListQuery): Promise<OrgPage> {
  const limit = q.limit ?? PAGE_SIZE_DEFAULT;
  const where = await filterConditions(ctx, q);
  const pageWhere = [...where];
  if (q.cursor) {
    const [key, id] = decodeCursor(q.cursor, 2) as [string, string];
    pageWhere.push(or(gt(organizations.sortKey, String(key)), and(eq(organizations.sortKey, String(key)), gt(organizations.id, String(id))))!);
  }
  const [rows, totals] = await ctx.db.batch([
    rowSelect(ctx)
      .where(and(...pageWhere))
      .orderBy(asc(organizations.sortKey), asc(organizations.id))
      .limit(limit + 1),
    ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organizations).where(and(...where)),
  ]);
  const more = rows.length > limit;
  const page = rows.slice(0, limit).map(flatten);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: more && last ? encodeCursor([last.sortKey, last.id]) : null,
    total: totals[0]?.n ?? 0,
  };
}

/** Every matching row, for export. */
export async function allOrgRows(ctx: Ctx, q: Omit<OrgListQuery, 'cursor' | 'limit'>): Promise<OrgRow[]> {
  const where = await filterConditions(ctx, q);
  const rows = await rowSelect(ctx)
    .where(and(...where))
    .orderBy(asc(organizations.path));
  return rows.map(flatten);
}
