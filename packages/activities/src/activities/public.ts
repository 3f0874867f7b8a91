import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { allianceStatusIn, loadAllianceRefs } from '@ronghe/alliance/read';
import { AppError, decodeCursor, encodeCursor, inList, PAGE_SIZE_DEFAULT, type Ctx } from '@ronghe/core';
import { orgNamesById } from '@ronghe/registry/read';
import { activities, PUBLIC_ACTIVITY_STATUSES, type Activity, type AllianceStatus, type PublicActivity, type PublicActivityQuery } from '@ronghe/schema';

// 活动 for the public API (issue 14, ADR 0029): a public summary — kind, date,
// place, alliance, organizations by name and how many attended. Never who
// attended, the check-in code or the coordinates' radius.

async function toPublic(ctx: Ctx, rows: Activity[]): Promise<PublicActivity[]> {
  const [alliances, orgs] = await Promise.all([
    loadAllianceRefs(
      ctx,
      rows.map((a) => a.allianceId),
    ),
    orgNamesById(ctx, [...new Set(rows.flatMap((a) => [a.organizerOrgId, ...a.participantOrgIds]))]),
  ]);
  const name = new Map(orgs.map((o) => [o.id, o.name]));
  const ref = (orgId: string) => ({ orgId, orgName: name.get(orgId) ?? '' });
  return rows.map((a) => ({
    id: a.id,
    allianceId: a.allianceId,
    allianceName: alliances.get(a.allianceId)?.name ?? '',
    kind: a.kind,
    title: a.title,
    status: a.status as PublicActivity['status'],
    activityDate: a.activityDate,
    startTime: a.startTime,
    endTime: a.endTime,
    placeName: a.place,
    organizer: ref(a.organizerOrgId),
    participants: a.participantOrgIds.map(ref),
    attendance: a.attendance,
    summary: a.summary,
    updatedAt: a.updatedAt,
  }));
}

function visible(allianceStatuses: readonly AllianceStatus[]): SQL[] {
  return [allianceStatusIn(activities.allianceId, allianceStatuses)];
}

/** Newest date first, keyset on (activity_date, id); held activities unless `status` asks for announced ones. */
export async function listPublicActivities(ctx: Ctx, input: PublicActivityQuery, allianceStatuses: readonly AllianceStatus[]) {
  const where = [...visible(allianceStatuses), eq(activities.status, input.status ?? 'held')];
  if (input.allianceId) where.push(eq(activities.allianceId, input.allianceId));
  if (input.kind) where.push(eq(activities.kind, input.kind));
  if (input.from) where.push(gte(activities.activityDate, input.from));
  if (input.to) where.push(lte(activities.activityDate, input.to));
  const limit = input.limit ?? PAGE_SIZE_DEFAULT;
  const pageWhere = [...where];
  if (input.cursor) {
    const [date, id] = decodeCursor(input.cursor, 2);
    pageWhere.push(or(lt(activities.activityDate, String(date)), and(eq(activities.activityDate, String(date)), lt(activities.id, String(id))))!);
  }
  const [rows, totals] = await ctx.db.batch([
    ctx.db
      .select()
      .from(activities)
      .where(and(...pageWhere))
      .orderBy(desc(activities.activityDate), desc(activities.id))
      .limit(limit + 1),
    ctx.db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(activities).where(and(...where)),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: await toPublic(ctx, page), total: totals[0]?.total ?? 0, nextCursor: rows.length > limit && last ? encodeCursor([last.activityDate, last.id]) : null };
}

/** One activity as third parties see it; a cancelled one, or one of an alliance they may not see, is 404 like a missing one. */
export async function getPublicActivity(ctx: Ctx, id: string, allianceStatuses: readonly AllianceStatus[]): Promise<PublicActivity> {
  const [row] = await ctx.db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), inList(activities.status, PUBLIC_ACTIVITY_STATUSES), ...visible(allianceStatuses)))
    .limit(1);
  if (!row) throw new AppError('not_found', '活动不存在');
  return (await toPublic(ctx, [row]))[0]!;
}
