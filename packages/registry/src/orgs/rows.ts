import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { notFound, type Ctx } from '@ronghe/core';
import { organizations } from '@ronghe/schema';
import type { OrgRow } from './view.ts';

const parent = alias(organizations, 'parent');

const childCount = sql<number>`(SELECT count(*) FROM organizations c WHERE c.parent_id = ${organizations.id} AND c.status = 'active')`
  .mapWith(Number)
  .as('child_count');

export function rowSelect(ctx: Ctx) {
  return ctx.db
    .select({ org: organizations, parentName: sql<string | null>`${parent.name}`.as('parent_name'), childCount })
    .from(organizations)
    .leftJoin(parent, eq(parent.id, organizations.parentId));
}

export function flatten(r: { org: typeof organizations.$inferSelect; parentName: string | null; childCount: number }): OrgRow {
  return { ...r.org, parentName: r.parentName, childCount: r.childCount };
}

export async function findOrgRow(ctx: Ctx, id: string): Promise<OrgRow> {
  const rows = await rowSelect(ctx).where(eq(organizations.id, id)).limit(1);
  const row = rows[0];
  if (!row) throw notFound('党组织');
  return flatten(row);
}
