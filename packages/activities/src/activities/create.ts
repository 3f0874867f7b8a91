import { auditGuarded, isStaleGuardError, newId, writeBatch, type Ctx } from '@ronghe/core';
import { allianceInStatus } from '@ronghe/alliance/read';
import { activities, type ActivityCreate, type ActivityDetail } from '@ronghe/schema';
import { checkActivityFields } from './fields.ts';
import { getActivity } from './get.ts';
import { assertRunning, newCode, notRunning, requireManagedAlliance, RUNNING } from './shared.ts';

/** Registers an activity of an alliance, with a fresh short check-in code. */
export async function createActivity({ ctx, input }: { ctx: Ctx; input: ActivityCreate }): Promise<ActivityDetail> {
  const a = await requireManagedAlliance(ctx, input.allianceId, 'body.allianceId');
  assertRunning(a);
  const f = {
    activityDate: input.activityDate,
    startTime: input.startTime,
    endTime: input.endTime,
    placeOrgId: input.placeOrgId ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    checkinRadiusM: input.checkinRadiusM ?? null,
    organizerOrgId: input.organizerOrgId,
    participantOrgIds: input.participantOrgIds ?? [],
  };
  const checked = await checkActivityFields(ctx, a.id, f);
  const now = ctx.clock.now();
  const row = {
    id: newId('act', now),
    allianceId: a.id,
    kind: input.kind,
    title: input.title,
    ...f,
    startsAt: checked.startsAt,
    endsAt: checked.endsAt,
    participantOrgIds: checked.participantOrgIds,
    place: input.place,
    summary: input.summary ?? null,
    status: 'planned' as const,
    code: newCode(),
    attendance: 0,
    version: 1,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  // The code is unique in the county (unique index); a collision (about 1 in 6·10⁹ per pair) is retried once with a new code.
  for (let attempt = 0; ; attempt++) {
    try {
      await writeBatch(ctx.db, [
        ctx.db.insert(activities).values(row),
        // Guards that the alliance still runs when the batch lands (it may be dissolved after the read above).
        auditGuarded(ctx, { action: 'activity.create', entityType: 'activity', entityId: row.id, after: { allianceId: a.id, kind: row.kind, status: row.status, activityDate: row.activityDate } }, allianceInStatus(a.id, RUNNING)),
      ]);
      break;
    } catch (err) {
      if (isStaleGuardError(err)) throw notRunning(a);
      if (attempt > 0 || !/UNIQUE constraint failed: activities\.code/.test(String((err as Error)?.message ?? err) + String((err as { cause?: Error })?.cause?.message ?? ''))) throw err;
      row.code = newCode();
    }
  }
  return getActivity({ ctx, input: { id: row.id } });
}
