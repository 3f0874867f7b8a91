import { and, eq } from 'drizzle-orm';
import { AppError, auditGuarded, runGuarded, shanghaiDate, writeBatch, type Ctx } from '@ronghe/core';
import { activities, type ActivityDetail, type ActivityUpdate } from '@ronghe/schema';
import { checkActivityFields } from './fields.ts';
import { getActivity, loadActivity } from './get.ts';
import { requireManagedAlliance } from './shared.ts';

/**
 * Edits an activity, or marks it held or cancelled. A cancelled activity is
 * final; an activity is marked held only on or after its date (it then counts
 * for the quota). Optimistic: the If-Match version guards the UPDATE.
 */
export async function updateActivity({ ctx, input }: { ctx: Ctx; input: { id: string; expectedVersion: number; patch: ActivityUpdate } }): Promise<ActivityDetail> {
  const cur = await loadActivity(ctx, input.id);
  await requireManagedAlliance(ctx, cur.allianceId, null);
  if (cur.version !== input.expectedVersion) throw new AppError('precondition_failed', '数据已被他人修改，请刷新后重试');
  if (cur.status === 'cancelled') throw new AppError('conflict', '活动已取消，不能再修改');
  const p = input.patch;
  const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
  const next = {
    kind: pick(p.kind, cur.kind),
    title: pick(p.title, cur.title),
    activityDate: pick(p.activityDate, cur.activityDate),
    startTime: pick(p.startTime, cur.startTime),
    endTime: pick(p.endTime, cur.endTime),
    place: pick(p.place, cur.place),
    placeOrgId: pick(p.placeOrgId, cur.placeOrgId),
    lat: pick(p.lat, cur.lat),
    lng: pick(p.lng, cur.lng),
    checkinRadiusM: pick(p.checkinRadiusM, cur.checkinRadiusM),
    organizerOrgId: pick(p.organizerOrgId, cur.organizerOrgId),
    participantOrgIds: pick(p.participantOrgIds, cur.participantOrgIds),
    summary: pick(p.summary, cur.summary),
    status: pick(p.status, cur.status),
  };
  if (next.status === 'planned' && cur.status === 'held' && cur.attendance > 0) {
    throw new AppError('conflict', '活动已有签到，不能改回计划', { errors: [{ path: 'body.status', message: '已有人签到的活动不能改回计划' }] });
  }
  if (next.status === 'held' && next.activityDate > shanghaiDate(ctx.clock.now())) {
    throw new AppError('conflict', '活动日期未到，不能标记为已开展', { errors: [{ path: 'body.status', message: '活动日期之后才能标记为已开展' }] });
  }
  const checked = await checkActivityFields(ctx, cur.allianceId, { ...next, participantOrgIds: next.participantOrgIds });
  const now = ctx.clock.now();
  const values = { ...next, startsAt: checked.startsAt, endsAt: checked.endsAt, participantOrgIds: checked.participantOrgIds, version: cur.version + 1, updatedAt: now };
  const before = Object.fromEntries(Object.keys(next).map((k) => [k, cur[k as keyof typeof cur]]));
  await runGuarded(() =>
    writeBatch(ctx.db, [
      ctx.db.update(activities).set(values).where(and(eq(activities.id, cur.id), eq(activities.version, cur.version))),
      auditGuarded(ctx, { action: 'activity.update', entityType: 'activity', entityId: cur.id, before, after: next }),
    ]),
  );
  return getActivity({ ctx, input: { id: cur.id } });
}
