import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { peopleById } from '@ronghe/people/read';
import { orgNamesById } from '@ronghe/registry/read';
import { orgLifeRecords, type OrgLifeRecord, type OrgLifeRecordListQuery, type OrgLifeRecordView } from '@ronghe/schema';

async function views(ctx: Ctx, rows: OrgLifeRecord[]): Promise<OrgLifeRecordView[]> {
  const [orgs, people] = await Promise.all([orgNamesById(ctx, [...new Set(rows.map((r) => r.orgId))]), peopleById(ctx, rows.flatMap((r) => r.attendeeIds))]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: orgName.get(r.orgId) ?? '',
    kind: r.kind,
    heldOn: r.heldOn,
    topic: r.topic,
    minutes: r.minutes,
    attendees: r.attendeeIds.map((id) => ({ id, name: people.get(id)?.name ?? '（已删除）' })),
    expectedCount: r.expectedCount,
    presentCount: r.presentCount,
    createdAt: r.createdAt,
  }));
}

export async function getOrgLifeRecord(ctx: Ctx, id: string): Promise<OrgLifeRecordView> {
  const row = await ctx.db.select().from(orgLifeRecords).where(eq(orgLifeRecords.id, id)).get();
  if (!row) throw new AppError('not_found', '组织生活记录不存在');
  return (await views(ctx, [row]))[0]!;
}

/** Records, newest first, filtered by branch, kind and year; offset pages (a branch holds ~40 a year). */
export async function listOrgLifeRecords({ ctx, input }: { ctx: Ctx; input: OrgLifeRecordListQuery }): Promise<{ items: OrgLifeRecordView[]; total: number }> {
  const where: SQL[] = [];
  if (input.orgId) where.push(eq(orgLifeRecords.orgId, input.orgId));
  if (input.kind) where.push(eq(orgLifeRecords.kind, input.kind));
  if (input.year) where.push(gte(orgLifeRecords.heldOn, `${input.year}-01-01`), lte(orgLifeRecords.heldOn, `${input.year}-12-31`));
  const limit = input.limit ?? 20;
  const offset = ((input.page ?? 1) - 1) * limit;
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await ctx.db.batch([
    ctx.db.select().from(orgLifeRecords).where(cond).orderBy(desc(orgLifeRecords.heldOn), desc(orgLifeRecords.id)).limit(limit).offset(offset),
    ctx.db.select({ n: count() }).from(orgLifeRecords).where(cond),
  ]);
  return { items: await views(ctx, rows), total: total?.n ?? 0 };
}
