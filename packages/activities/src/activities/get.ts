import { asc, eq } from 'drizzle-orm';
import { AppError, type Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { peopleById } from '@ronghe/people/read';
import { orgNamesById } from '@ronghe/registry/read';
import { activities, activityCheckins, CHECKIN_METHOD_LABELS, type Activity, type ActivityDetail } from '@ronghe/schema';
import { activitySummary, CHECKIN_EARLY_MS } from './shared.ts';

export async function loadActivity(ctx: Ctx, id: string): Promise<Activity> {
  const [row] = await ctx.db.select().from(activities).where(eq(activities.id, id)).limit(1);
  if (!row) throw new AppError('not_found', '活动不存在或无权访问');
  return row;
}

/** An activity with its organizations' names, its short code and who attended. */
export async function getActivity({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ActivityDetail> {
  const [a, checkins] = await Promise.all([
    loadActivity(ctx, input.id),
    ctx.db.select().from(activityCheckins).where(eq(activityCheckins.activityId, input.id)).orderBy(asc(activityCheckins.at), asc(activityCheckins.id)),
  ]);
  const [alliances, orgs, persons] = await Promise.all([
    loadAllianceRefs(ctx, [a.allianceId]),
    orgNamesById(ctx, [a.organizerOrgId, ...a.participantOrgIds]),
    peopleById(ctx, checkins.map((c) => c.personId)),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const ref = (id: string) => ({ id, name: orgName.get(id) ?? '（已删除的党组织）' });
  return {
    ...activitySummary(a, alliances.get(a.allianceId)?.name ?? ''),
    placeOrgId: a.placeOrgId,
    lat: a.lat,
    lng: a.lng,
    checkinRadiusM: a.checkinRadiusM,
    organizer: ref(a.organizerOrgId),
    participants: a.participantOrgIds.map(ref),
    summary: a.summary,
    code: a.code,
    checkinOpensAt: a.startsAt - CHECKIN_EARLY_MS,
    checkinClosesAt: a.endsAt,
    checkins: checkins.map((c) => ({
      id: c.id,
      personId: c.personId,
      personName: persons.get(c.personId)?.name ?? '（已删除的人员）',
      method: c.method,
      methodLabel: CHECKIN_METHOD_LABELS[c.method],
      at: c.at,
      distanceM: c.distanceM,
    })),
    version: a.version,
  };
}
