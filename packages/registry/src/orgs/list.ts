import { and, asc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { belowTrigram, ftsPhrase, nameContainsBound, PAGE_SIZE_DEFAULT, pagedPreparedRead, ph, textContains, type Ctx } from '@ronghe/core';
import { APPROVING_COMMITTEE_DOMAINS, APPROVING_COMMITTEE_KINDS, organizations, type OrgListQuery } from '@ronghe/schema';
import type { OrgRow } from './view.ts';
import { rowSelect, flatten } from './rows.ts';

/**
 * The filters of `q` with their values as placeholders (`ph`): the SQL of a
 * page depends only on which filters are present (`shape`), so its statement
 * is built once per shape and isolate (prepared-reads.ts); `values` go to it.
 */
export function orgFilters(q: Omit<OrgListQuery, 'cursor' | 'limit'>): { where: SQL[]; values: Record<string, unknown>; shape: string } {
  const where: SQL[] = [];
  const values: Record<string, unknown> = {};
  const shape: string[] = [];
  // Bound as the driver stores them (booleans as 0/1): a placeholder skips the column's own encoding.
  const bind = (name: string, value: string | number) => {
    values[name] = value;
    shape.push(name);
    return ph(name);
  };
  const status = q.status ?? 'active';
  if (status !== 'all') where.push(eq(organizations.status, bind('status', status)));
  if (q.kind) where.push(eq(organizations.kind, bind('kind', q.kind)));
  if (q.domain) where.push(eq(organizations.domain, bind('domain', q.domain)));
  if (q.qualityStatus) where.push(eq(organizations.qualityStatus, bind('qualityStatus', q.qualityStatus)));
  if (q.weakFlag) where.push(eq(organizations.weakFlag, bind('weakFlag', q.weakFlag === 'true' ? 1 : 0)));
  if (q.parentId) where.push(eq(organizations.parentId, bind('parentId', q.parentId)));
  if (q.under) {
    // An unknown (or foreign) root simply matches nothing.
    where.push(sql`instr(${organizations.path}, ${bind('under', `/${q.under}/`)}) > 0`);
  }
  if (q.external) where.push(eq(organizations.isExternal, bind('external', q.external === 'true' ? 1 : 0)));
  if (q.committeeFor) {
    // The committees that may approve an alliance this organization leads (seed 000 7.1):
    // ancestors on its path, of a committee kind and domain, never external. An unknown
    // (or foreign) organization has no path here, so nothing matches.
    const lead = bind('committeeFor', q.committeeFor);
    const leadPath = sql`(SELECT o2.path FROM organizations o2 WHERE o2.id = ${lead})`;
    where.push(
      sql`instr(${leadPath}, '/' || ${organizations.id} || '/') > 0`,
      ne(organizations.id, lead),
      eq(organizations.isExternal, false),
      inArray(organizations.kind, [...APPROVING_COMMITTEE_KINDS]),
      inArray(organizations.domain, [...APPROVING_COMMITTEE_DOMAINS]),
    );
  }
  if (q.q) {
    // Any length (ADR 0014): the name through its trigram index, the rest by instr().
    const short = belowTrigram(q.q);
    const text = bind('q', q.q);
    const phrase = bind('qPhrase', ftsPhrase(q.q));
    if (short) shape.push('short');
    where.push(
      or(
        nameContainsBound('organizations', organizations, organizations.name, short, text, phrase),
        textContains(organizations.secretaryName, text),
        textContains(organizations.divisionCode, text),
      )!,
    );
  }
  return { where, values, shape: shape.join(',') };
}

export interface OrgPage {
  rows: OrgRow[];
  nextCursor: string | null;
  total: number;
}

/** In pinyin order (ADR 0018): keyset pagination over (sort_key, id), stable under inserts, no OFFSET scans. */
export async function listOrgRows(ctx: Ctx, q: OrgListQuery): Promise<OrgPage> {
  const { where, values, shape } = orgFilters(q);
  const { rows, total, nextCursor } = await pagedPreparedRead(ctx.db, {
    shape: `orgs:${shape}`,
    values,
    limit: q.limit ?? PAGE_SIZE_DEFAULT,
    cursor: q.cursor,
    keyset: [organizations.sortKey, organizations.id],
    page: (after, limit) =>
      rowSelect(ctx)
        .where(and(...where, after))
        .orderBy(asc(organizations.sortKey), asc(organizations.id))
        .limit(limit),
    total: () => ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organizations).where(and(...where)),
    keyOf: (r) => [r.org.sortKey, r.org.id],
  });
  return { rows: rows.map(flatten), nextCursor, total };
}

/** Every matching row, for export. */
export async function allOrgRows(ctx: Ctx, q: Omit<OrgListQuery, 'cursor' | 'limit'>): Promise<OrgRow[]> {
  const { where, values } = orgFilters(q);
  const rows = await rowSelect(ctx)
    .where(and(...where))
    .orderBy(asc(organizations.path))
    .prepare()
    .all(values);
  return rows.map(flatten);
}
