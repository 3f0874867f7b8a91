import { and, eq } from 'drizzle-orm';
import { AppError, writeBatch, type Ctx } from '@ronghe/core';
import { loadAllianceRefs } from '@ronghe/alliance/read';
import { personOfUser } from '@ronghe/people/read';
import { organizationsById } from '@ronghe/registry/read';
import { ACTIVITY_KIND_LABELS, activities, activityCheckins, type Activity } from '@ronghe/schema';
import { attendanceCountStatement, attendanceStatements } from './attendance-writes.ts';
import { CHECKIN_EARLY_MS, distanceMetres } from './shared.ts';

const refuse = (reason: string, message: string, path = 'body.code') => new AppError('conflict', message, { errors: [{ path, message }], extra: { reason } });

const fmt = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);

/**
 * Who may check in (decided from the seeds): an activity is 联建 of the
 * alliance's member organizations (seed 000 9.2 "推动成员党组织…"; seed 003
 * mechanism 3 "成员单位党员共同参加"), so a member checks in when their home
 * branch (一方隶属) is a participating organization or lies beneath one (a
 * party committee member's branches). Anyone else is told so — an
 * administrator may still record them (record-attendance.ts).
 */
export async function isParticipant(ctx: Ctx, a: Activity, homeOrgId: string | null): Promise<boolean> {
  if (!homeOrgId) return false;
  if (a.participantOrgIds.includes(homeOrgId)) return true;
  const home = (await organizationsById(ctx, [homeOrgId])).get(homeOrgId);
  return !!home && a.participantOrgIds.some((id) => home.path.includes(`/${id}/`));
}

export interface CheckinResult {
  checkinId: string;
  duplicate: boolean;
  at: number;
  activity: { id: string; title: string; kindLabel: string; allianceName: string; activityDate: string; startTime: string; endTime: string; place: string };
}

/** A member's own check-in with the activity's short code, inside its window (and near its place when it asks for that). */
export async function checkIn({ ctx, input }: { ctx: Ctx; input: { code: string; lat?: number | null; lng?: number | null } }): Promise<CheckinResult> {
  const person = await personOfUser(ctx, ctx.actor.userId);
  if (!person || person.status !== 'active') throw new AppError('not_found', '当前账号未登记为本旗县区的党员，请联系党组织管理员');
  const [a] = await ctx.db.select().from(activities).where(eq(activities.code, input.code)).limit(1);
  if (!a) throw new AppError('not_found', '签到码不存在，请核对后重新输入', { errors: [{ path: 'body.code', message: '签到码不存在' }] });
  const alliance = (await loadAllianceRefs(ctx, [a.allianceId])).get(a.allianceId);
  const view = {
    id: a.id,
    title: a.title,
    kindLabel: ACTIVITY_KIND_LABELS[a.kind],
    allianceName: alliance?.name ?? '',
    activityDate: a.activityDate,
    startTime: a.startTime,
    endTime: a.endTime,
    place: a.place,
  };
  // Already recorded: harmless, answered with the existing check-in whatever the time.
  const [existing] = await ctx.db.select().from(activityCheckins).where(and(eq(activityCheckins.activityId, a.id), eq(activityCheckins.personId, person.id))).limit(1);
  if (existing) return { checkinId: existing.id, duplicate: true, at: existing.at, activity: view };
  if (a.status === 'cancelled') throw refuse('activity_cancelled', '活动已取消，无需签到');
  const now = ctx.clock.now();
  if (now < a.startsAt - CHECKIN_EARLY_MS) throw refuse('checkin_not_open', `签到尚未开始：${a.activityDate} ${fmt(a.startsAt - CHECKIN_EARLY_MS)} 起可以签到`);
  if (now > a.endsAt) throw refuse('checkin_closed', `签到已结束：活动于 ${a.activityDate} ${a.endTime} 结束`);
  if (!(await isParticipant(ctx, a, person.homeOrgId))) throw refuse('not_participant', '您所在的党组织不是本次活动的参加单位，请联系活动组织方补录');
  let distanceM: number | null = null;
  if (a.lat !== null && a.lng !== null && input.lat != null && input.lng != null) distanceM = Math.round(distanceMetres({ lat: a.lat, lng: a.lng }, { lat: input.lat, lng: input.lng }));
  if (a.checkinRadiusM !== null && a.lat !== null) {
    if (input.lat == null || input.lng == null) throw refuse('location_required', '本次活动须在活动地点附近签到，请允许获取位置后重试', 'body.lat');
    if (distanceM! > a.checkinRadiusM) throw refuse('too_far', `您距活动地点约 ${distanceM} 米，须在 ${a.checkinRadiusM} 米内签到`, 'body.lat');
  }
  const w = attendanceStatements(ctx, a, person.id, 'self', distanceM, now);
  await writeBatch(ctx.db, [...w.statements, attendanceCountStatement(a, now)]);
  // A concurrent request of the same person may have won: answer with whichever row exists.
  const [row] = await ctx.db.select().from(activityCheckins).where(and(eq(activityCheckins.activityId, a.id), eq(activityCheckins.personId, person.id))).limit(1);
  // No row at all: the activity was edited or cancelled after it was read above, and the guarded INSERT wrote nothing.
  if (!row) throw refuse('activity_changed', '活动信息刚刚有变更，请重新签到');
  return { checkinId: row.id, duplicate: row.id !== w.checkinId, at: row.at, activity: view };
}
