import { and, asc, desc, eq, gte, ne, sql } from 'drizzle-orm';
import { AppError, inList, type Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { personOfUser } from '@ronghe/people/read';
import { organizationsById } from '@ronghe/registry/read';
import { ACTIVITY_KIND_LABELS, activities, activityCheckins, type Activity } from '@ronghe/schema';

const UPCOMING = 50;
const ATTENDED = 100;

/** The signed-in member's activities: those coming up for their branch (and the branches above it), and those they attended, newest first. */
export async function myActivities({ ctx }: { ctx: Ctx }) {
  const person = await personOfUser(ctx, ctx.actor.userId);
  if (!person) throw new AppError('not_found', '当前账号未登记为本旗县区的党员，请联系党组织管理员');
  const now = ctx.clock.now();
  const home = person.homeOrgId ? (await organizationsById(ctx, [person.homeOrgId])).get(person.homeOrgId) : undefined;
  // The home branch and every organization above it (its materialized path).
  const orgIds = home ? home.path.split('/').filter(Boolean) : [];
  const [upcoming, attended] = await Promise.all([
    orgIds.length
      ? ctx.db
          .select({ a: activities, at: activityCheckins.at })
          .from(activities)
          .leftJoin(activityCheckins, and(eq(activityCheckins.activityId, activities.id), eq(activityCheckins.personId, person.id)))
          .where(
            and(
              gte(activities.endsAt, now),
              ne(activities.status, 'cancelled'),
              sql`EXISTS (SELECT 1 FROM json_each(${activities.participantOrgIds}) AS p WHERE ${inList(sql`p.value`, orgIds)})`,
            ),
          )
          .orderBy(asc(activities.startsAt))
          .limit(UPCOMING)
      : Promise.resolve([]),
    ctx.db
      .select({ a: activities, at: activityCheckins.at })
      .from(activityCheckins)
      .innerJoin(activities, eq(activities.id, activityCheckins.activityId))
      .where(eq(activityCheckins.personId, person.id))
      .orderBy(desc(activityCheckins.at))
      .limit(ATTENDED),
  ]);
  const names = await loadAllianceRefs(ctx, [...upcoming, ...attended].map((r) => r.a.allianceId));
  const item = (r: { a: Activity; at: number | null }) => ({
    id: r.a.id,
    title: r.a.title,
    kindLabel: ACTIVITY_KIND_LABELS[r.a.kind],
    allianceName: names.get(r.a.allianceId)?.name ?? '',
    activityDate: r.a.activityDate,
    startTime: r.a.startTime,
    endTime: r.a.endTime,
    place: r.a.place,
    checkedInAt: r.at,
  });
  return { upcoming: upcoming.map(item), attended: attended.map(item) };
}
