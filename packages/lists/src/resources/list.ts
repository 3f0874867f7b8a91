import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor, nameContains, textContains, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import { resources, type ResourceListQuery, type ResourceView } from '@ronghe/schema';
import { offering, selectResources, resourceViews } from './view.ts';

export function resourceFilters(input: Omit<ResourceListQuery, 'cursor' | 'limit'>): SQL[] {
  const where: SQL[] = [];
  if (input.allianceId) where.push(eq(resources.allianceId, input.allianceId));
  if (input.status) where.push(eq(resources.status, input.status));
  if (input.categoryId) where.push(eq(resources.categoryId, input.categoryId));
  if (input.kind) where.push(eq(resources.kind, input.kind));
  if (input.offeringOrgId) where.push(eq(resources.offeringOrgId, input.offeringOrgId));
  if (input.communityCode) where.push(eq(resources.communityCode, input.communityCode));
  if (input.q) {
    // Any length (ADR 0014): the title and the offering organization's name through their trigram indexes, the description by instr().
    where.push(or(nameContains('resources', resources, resources.title, input.q), textContains(resources.description, input.q), nameContains('organizations', offering, offering.name, input.q))!);
  }
  return where;
}

/** Newest first, keyset on (created_at, id). */
export async function listResources({ ctx, input }: { ctx: Ctx; input: ResourceListQuery }) {
  const where = resourceFilters(input);
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor, 2) as [number, string];
    pageWhere.push(or(lt(resources.createdAt, Number(at)), and(eq(resources.createdAt, Number(at)), lt(resources.id, String(id))))!);
  }
  const [rows, totals] = await ctx.db.batch([
    selectResources(ctx)
      .where(and(...pageWhere))
      .orderBy(desc(resources.createdAt), desc(resources.id))
      .limit(limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(resources)
      .innerJoin(offering, eq(offering.id, resources.offeringOrgId))
      .where(and(...where)),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await resourceViews(ctx, page),
    total: totals[0]?.total ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.r.createdAt, last.r.id]) : null,
  };
}

export async function allResources(ctx: Ctx, input: Omit<ResourceListQuery, 'cursor' | 'limit'>, cap = 20000): Promise<ResourceView[]> {
  const rows = await selectResources(ctx)
    .where(and(...resourceFilters(input)))
    .orderBy(desc(resources.createdAt), desc(resources.id))
    .limit(cap);
  return resourceViews(ctx, rows);
}
